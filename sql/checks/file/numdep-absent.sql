-- No record of the file holds a usable NUMDEP.
with counted as (
    select count(numdep) as n_numdep, count(*) as n_records
    from {{records}}
)

select null::integer as record_no, 'NUMDEP' as variable, null::varchar as value
from counted
where n_numdep = 0 and n_records > 0
