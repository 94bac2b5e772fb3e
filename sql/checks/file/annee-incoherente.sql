-- The calendar year holding most of the file's event dates (ingest/file_profile) differs from
-- the file's year $annee. Run only when the year was declared or taken from the file name
-- (run-checks.ts).
select null::integer as record_no, null::varchar as variable, cast(dates_year as varchar) as value
from {{file_profile}}
where dates_year <> $annee
