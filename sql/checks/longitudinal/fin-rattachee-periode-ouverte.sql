-- An end without DATDECPE, and no period with its DATDEB, attached to the latest open period of
-- its chain that began on or before its DATFIN.
with attached_ends as (
  select end_file_id, departement, end_annee, end_record_no
  from {{periods}}
  where end_match = 'latest_open'
)
select end_file_id as file_id, departement, end_annee as annee, end_record_no as record_no,
  'DATDECPE' as variable, cast(null as varchar) as value
from attached_ends
