-- An end with its DATDECPE but no opening of the same key in any year: its period was built
-- from the end record alone.
with orphan_ends as (
  select end_file_id, departement, end_annee, end_record_no
  from {{periods}}
  where end_match = 'none' and datdecpe is not null
)
select end_file_id as file_id, departement, end_annee as annee, end_record_no as record_no,
  'TYPEV' as variable, '3' as value
from orphan_ends
