-- Aged 21 or more at the decision date (DATDECPE, else DATDEB), birth on the 1st of MNAIS
-- (1 July when unknown).
with r as (
    select
        *,
        case
            when anais is not null and anais <> 9999
                then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
        end as birth_date,
        coalesce(datdecpe, datdeb) as decision_date
    from {{records}}
),

aged as (
    select *, date_sub('year', birth_date, decision_date) as age
    from r
    where birth_date is not null and decision_date is not null
),

offending as (
    select record_no, 'ANAIS' as variable, cast(anais as varchar) as value
    from aged
    where age >= 21
)

select record_no, variable, value from offending
