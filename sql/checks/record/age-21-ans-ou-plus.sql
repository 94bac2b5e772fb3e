-- Aged 21 or more at the decision date (DATDECPE, else DATDEB), birth on the 1st of MNAIS
-- (1 July when unknown).
with aged as (
    select r.*, a.age_at_decision as age
    from {{records}} as r
    inner join {{record_ages}} as a using (record_no)
    where a.age_at_decision is not null
),

offending as (
    select record_no, 'ANAIS' as variable, cast(anais as varchar) as value
    from aged
    where age >= 21
)

select record_no, variable, value from offending
