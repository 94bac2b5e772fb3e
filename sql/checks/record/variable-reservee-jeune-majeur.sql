-- Young-adult-only variables (applies_to "young_adult" in variables.json) filled, other than
-- "ne sait pas", for a person under 18 at the event date (see variable-reservee-mineur).
-- Generated from the dictionary: keep in step.
with r as (
    select
        *,
        case
            when anais is not null and anais <> 9999
                then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
        end as birth_date,
        case when typev = '3' and datfin is not null then datfin else coalesce(datdecpe, datdeb) end as event_date
    from {{records}}
),

aged as (
    select *, date_sub('year', birth_date, event_date) as age
    from r
    where birth_date is not null and event_date is not null
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
