-- Young-adult-only variables (applies_to "young_adult" in variables.json) filled, other than
-- "ne sait pas", for a person under 18 at the event date (see variable-reservee-mineur).
-- Generated from the dictionary: keep in step.
with aged as (
    select r.*, a.age_at_event as age
    from {{records}} as r
    inner join {{record_ages}} as a using (record_no)
    where a.age_at_event is not null
),

concerned as materialized (
    select * from aged where age < 18
),

offending as (
    select record_no, 'MENAGEJM' as variable, menagejm as value
    from concerned
    where menagejm is not null and menagejm <> '9'
    union all
    select record_no, 'EMPLJM' as variable, empljm as value
    from concerned
    where empljm is not null and empljm <> '99'
    union all
    select record_no, 'CSPJM' as variable, cspjm as value
    from concerned
    where cspjm is not null and cspjm <> '9'
)

select record_no, variable, value from offending
