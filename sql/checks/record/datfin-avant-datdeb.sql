-- DATFIN certainly before DATDEB: the last day DATFIN can mean is before the first day DATDEB can
-- mean (partial dates compared by their ranges; unknown dates are NULL and never compared).
with offending as (
    select record_no, 'DATFIN' as variable, case datfin_precision when 'year' then strftime(datfin, '%Y') when 'month' then strftime(datfin, '%Y-%m') else strftime(datfin, '%Y-%m-%d') end as value
    from {{records}}
    where datfin is not null and datdeb is not null
        and case datfin_precision when 'year' then make_date(year(datfin), 12, 31) when 'month' then last_day(datfin) else datfin end
            < case datdeb_precision when 'year' then date_trunc('year', datdeb) when 'month' then date_trunc('month', datdeb) else datdeb end
)

select record_no, variable, value from offending
