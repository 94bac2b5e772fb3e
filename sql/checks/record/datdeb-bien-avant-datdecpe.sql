-- DATDEB more than one year before DATDECPE (certainly: ranges of partial dates as in
-- datfin-avant-datdeb).
with offending as (
    select record_no, 'DATDEB' as variable, case datdeb_precision when 'year' then strftime(datdeb, '%Y') when 'month' then strftime(datdeb, '%Y-%m') else strftime(datdeb, '%Y-%m-%d') end as value
    from {{records}}
    where datdeb is not null and datdecpe is not null
        and case datdeb_precision when 'year' then make_date(year(datdeb), 12, 31) when 'month' then last_day(datdeb) else datdeb end
            < case datdecpe_precision when 'year' then date_trunc('year', datdecpe) when 'month' then date_trunc('month', datdecpe) else datdecpe end - interval 1 year
)

select record_no, variable, value from offending
