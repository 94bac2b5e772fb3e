-- Every finding of the national base: those of each received file and the longitudinal ones.
with all_findings as (
    select file_id, departement, annee, record_no, rule, severity, variable, value, message
    from {{findings_ingestion}}
    union all
    select file_id, departement, annee, record_no, rule, severity, variable, value, message
    from {{findings_longitudinal}}
)

select *
from all_findings
order by departement, annee, file_id, record_no nulls first, rule, variable
