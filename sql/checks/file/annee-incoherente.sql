-- The calendar year holding most event dates (DATDECPE, DATDEB, DATFIN known to the day or month;
-- ties to the later year, as in ingest/file_profile) differs from the file's year $annee.
-- Run only when the year was declared or taken from the file name (run-checks.ts).
with event_dates as (
    select datdecpe as event_date from {{records}} where datdecpe_precision in ('day', 'month')
    union all
    select datdeb from {{records}} where datdeb_precision in ('day', 'month')
    union all
    select datfin from {{records}} where datfin_precision in ('day', 'month')
),

years as (
    select year(event_date) as event_year, count(*) as n_dates
    from event_dates
    group by all
),

main_year as (
    select event_year
    from years
    order by n_dates desc, event_year desc
    limit 1
)

select null::integer as record_no, null::varchar as variable, cast(event_year as varchar) as value
from main_year
where event_year <> $annee
