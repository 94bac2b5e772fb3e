-- Initial-information variables (typev 1 in variables.json) filled on a renewal or an end
-- (TYPEV <> 1). Generated from the dictionary: keep in step.
with r as (
    select * from {{records}} where typev <> '1'
),

offending as (
    select record_no, 'TRAITINFO' as variable, traitinfo as value
    from r
    where traitinfo is not null and traitinfo <> '9'
    union all
    select record_no, 'DATIP' as variable, case datip_precision when 'year' then strftime(datip, '%Y') when 'month' then strftime(datip, '%Y-%m') else strftime(datip, '%Y-%m-%d') end as value
    from r
    where datip is not null
    union all
    select record_no, 'DATSIGN' as variable, case datsign_precision when 'year' then strftime(datsign, '%Y') when 'month' then strftime(datsign, '%Y-%m') else strftime(datsign, '%Y-%m-%d') end as value
    from r
    where datsign is not null
    union all
    select record_no, 'DATJE' as variable, case datje_precision when 'year' then strftime(datje, '%Y') when 'month' then strftime(datje, '%Y-%m') else strftime(datje, '%Y-%m-%d') end as value
    from r
    where datje is not null
    union all
    select record_no, 'ORIGIP' as variable, origip as value
    from r
    where origip is not null and origip <> '99'
    union all
    select record_no, 'TRANSIP' as variable, transip as value
    from r
    where transip is not null and transip <> '999'
    union all
    select record_no, 'MOTIFSIG' as variable, motifsig as value
    from r
    where motifsig is not null and motifsig <> '9'
    union all
    select record_no, 'ENQPENAL' as variable, enqpenal as value
    from r
    where enqpenal is not null and enqpenal <> '9'
    union all
    select record_no, 'SAISJUR' as variable, saisjur as value
    from r
    where saisjur is not null and saisjur <> '9'
)

select record_no, variable, value from offending
