-- Minors-only natures for a young adult (18 or more at the decision date, see
-- code-reserve-jeune-majeur): NATPDECADM 10-16 or 19, NATDECASSED 11, 14-19, 22 or 23 (domain.md §6).
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
    select record_no, 'NATPDECADM' as variable, natpdecadm as value
    from aged
    where age >= 18 and natpdecadm in ('10', '11', '12', '13', '14', '15', '16', '19')
    union all
    select record_no, 'NATDECASSED' as variable, natdecassed as value
    from aged
    where age >= 18 and natdecassed in ('11', '14', '15', '16', '17', '18', '19', '22', '23')
)

select record_no, variable, value from offending
