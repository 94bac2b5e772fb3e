-- lien-identite-courant-multiple: the records carrying a link refused for this reason (sql/national/identity_links.sql).
with refused as (
  select file_id, departement, annee, record_no
  from {{identity_links}}
  where refusal = 'lien-identite-courant-multiple'
)
select file_id, departement, annee, record_no, 'NUMANONYMANT' as variable, cast(null as varchar) as value
from refused
