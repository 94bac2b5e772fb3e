-- A measure whose first period is a renewal: no earlier period of the same chain was received.
with first_renewals as (
  select file_id, departement, annee, record_no
  from {{periods}}
  where seq = 1 and typev = '2'
)
select file_id, departement, annee, record_no, 'TYPEV' as variable, '2' as value
from first_renewals
