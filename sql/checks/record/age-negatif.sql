-- Decision before birth: the decision date (DATDECPE, else DATDEB) before the 1st of the birth
-- month; when MNAIS is unknown, a decision year before ANAIS.
with r as (
    select record_no, anais, mnais, coalesce(datdecpe, datdeb) as decision_date
    from {{records}}
    where anais is not null and anais <> 9999
),

offending as (
    select record_no, 'ANAIS' as variable, cast(anais as varchar) as value
    from r
    where decision_date is not null
        and case
            when mnais between 1 and 12 then decision_date < make_date(anais, mnais, 1)
            else year(decision_date) < anais
        end
)

select record_no, variable, value from offending
