-- An event outside the file's year $annee: an end (TYPEV = 3) whose known DATFIN is not in $annee;
-- a decision or renewal (TYPEV 1, 2) with a known DATDECPE or DATDEB, neither of which is in
-- $annee. Unknown dates cannot place the event: not flagged here.
with offending as (
    select record_no, 'DATFIN' as variable, case datfin_precision when 'year' then strftime(datfin, '%Y') when 'month' then strftime(datfin, '%Y-%m') else strftime(datfin, '%Y-%m-%d') end as value
    from {{records}}
    where typev = '3' and datfin is not null and year(datfin) <> $annee
    union all
    select record_no, case when datdecpe is not null then 'DATDECPE' else 'DATDEB' end as variable, coalesce(case datdecpe_precision when 'year' then strftime(datdecpe, '%Y') when 'month' then strftime(datdecpe, '%Y-%m') else strftime(datdecpe, '%Y-%m-%d') end, case datdeb_precision when 'year' then strftime(datdeb, '%Y') when 'month' then strftime(datdeb, '%Y-%m') else strftime(datdeb, '%Y-%m-%d') end) as value
    from {{records}}
    where typev in ('1', '2')
        and (datdecpe is not null or datdeb is not null)
        and coalesce(year(datdecpe) = $annee, false) = false
        and coalesce(year(datdeb) = $annee, false) = false
)

select record_no, variable, value from offending
