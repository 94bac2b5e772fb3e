-- Evaluation variables (typev "≠2" in variables.json) filled on a renewal (TYPEV = 2).
-- Generated from the dictionary: keep in step.
with r as (
    select * from {{records}} where typev = '2'
),

offending as (
    select record_no, 'NOTIFEVAL' as variable, case notifeval_precision when 'year' then strftime(notifeval, '%Y') when 'month' then strftime(notifeval, '%Y-%m') else strftime(notifeval, '%Y-%m-%d') end as value
    from r
    where notifeval is not null
    union all
    select record_no, 'FINEVAL' as variable, case fineval_precision when 'year' then strftime(fineval, '%Y') when 'month' then strftime(fineval, '%Y-%m') else strftime(fineval, '%Y-%m-%d') end as value
    from r
    where fineval is not null
    union all
    select record_no, 'MESANT' as variable, mesant as value
    from r
    where mesant is not null and mesant <> '9'
    union all
    select record_no, 'ACCFAM' as variable, accfam as value
    from r
    where accfam is not null and accfam <> '9'
    union all
    select record_no, 'CONDADD' as variable, condadd as value
    from r
    where condadd is not null and condadd <> '9'
    union all
    select record_no, 'DEFINTEL' as variable, defintel as value
    from r
    where defintel is not null and defintel <> '9'
    union all
    select record_no, 'CONFL' as variable, confl as value
    from r
    where confl is not null and confl <> '9'
    union all
    select record_no, 'VIOLFAM' as variable, violfam as value
    from r
    where violfam is not null and violfam <> '9'
    union all
    select record_no, 'SOUTSOC' as variable, soutsoc as value
    from r
    where soutsoc is not null and soutsoc <> '9'
)

select record_no, variable, value from offending
