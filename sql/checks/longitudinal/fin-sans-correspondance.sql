-- An end without DATDECPE that matched no period of its chain: a period of its own.
with unmatched_ends as (
  select end_file_id, departement, end_annee, end_record_no
  from {{periods}}
  where end_match = 'none' and datdecpe is null
)
select end_file_id as file_id, departement, end_annee as annee, end_record_no as record_no,
  'DATDECPE' as variable, cast(null as varchar) as value
from unmatched_ends
