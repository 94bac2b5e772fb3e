-- An event type (TYPEV 1, 2 or 3) that no record of the file holds.
with types as (
    select unnest(['1', '2', '3']) as typev
),

present as (
    select distinct typev from {{records}}
)

select null::integer as record_no, 'TYPEV' as variable, types.typev as value
from types
anti join present using (typev)
where exists (select 1 from {{records}})
order by types.typev
