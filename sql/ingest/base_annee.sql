-- The Base Année of one file: its typed records, less the duplicates dropped by the checks.
with kept as (
    select r.*
    from {{records}} as r
    anti join {{dropped}} as d using (record_no)
)

select
    $file_id::varchar as file_id,
    $departement::varchar as departement,
    $annee::smallint as annee,
    kept.record_no,
    null::varchar as child_id,
    kept.* exclude (record_no)
from kept
order by kept.record_no
