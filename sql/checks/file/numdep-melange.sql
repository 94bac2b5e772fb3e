-- Several distinct NUMDEP in one file: one finding listing each code with its number of records.
with departements as (
    select numdep, count(*) as n_records
    from {{records}}
    where numdep is not null
    group by numdep
)

select
    null::integer as record_no,
    'NUMDEP' as variable,
    string_agg(numdep || ' : ' || n_records, ', ' order by n_records desc, numdep) as value
from departements
having count(*) > 1
