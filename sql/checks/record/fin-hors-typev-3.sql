-- End-of-measure variables (typev 3 in variables.json) filled, other than "ne sait pas", on
-- an event that is not an end (TYPEV <> 3). Generated from the dictionary: keep in step.
with r as (
    select * from {{records}} where typev <> '3'
),

offending as (
    select record_no, 'DATFIN' as variable, case datfin_precision when 'year' then strftime(datfin, '%Y') when 'month' then strftime(datfin, '%Y-%m') else strftime(datfin, '%Y-%m-%d') end as value
    from r
    where datfin is not null
    union all
    select record_no, 'MOTFININT' as variable, motfinint as value
    from r
    where motfinint is not null and motfinint <> '9'
    union all
    select record_no, 'MOTIFML' as variable, motifml as value
    from r
    where motifml is not null and motifml <> '99'
    union all
    select record_no, 'DATDECMIN' as variable, case datdecmin_precision when 'year' then strftime(datdecmin, '%Y') when 'month' then strftime(datdecmin, '%Y-%m') else strftime(datdecmin, '%Y-%m-%d') end as value
    from r
    where datdecmin is not null
    union all
    select record_no, 'DIPLOME' as variable, diplome as value
    from r
    where diplome is not null and diplome <> '9'
    union all
    select record_no, 'NBCHGLIEU' as variable, cast(nbchglieu as varchar) as value
    from r
    where nbchglieu is not null and nbchglieu <> 99
)

select record_no, variable, value from offending
