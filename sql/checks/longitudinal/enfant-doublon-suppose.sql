-- A child whose history begins with an end or a renewal (no opening received) continuing an
-- open period of another child of the same département: same DECISION, nature and DATDECPE,
-- same sex, birth year and birth month (all known), and no identity link between the two.
with continuing as (
  select p.child_id, p.departement, p.decision, p.nature, p.datdecpe, p.file_id, p.annee, p.record_no,
    p.end_file_id, p.end_annee, p.end_record_no, p.typev
  from {{periods}} p
  where p.datdecpe is not null and (p.typev = '3' or (p.typev = '2' and p.seq = 1))
),
still_open as (
  select child_id, departement, decision, nature, datdecpe
  from {{periods}}
  where end_source is distinct from 'recorded' and has_opening and datdecpe is not null
),
pairs as (
  select c.*, o.child_id as other_child_id
  from continuing c
  join still_open o on o.departement = c.departement and o.decision = c.decision
    and o.nature = c.nature and o.datdecpe = c.datdecpe and o.child_id <> c.child_id
  join {{children}} a on a.child_id = c.child_id
  join {{children}} b on b.child_id = o.child_id
  where a.sexe in ('1', '2') and a.sexe = b.sexe
    and a.anais <> 9999 and a.anais = b.anais
    and a.mnais between 1 and 12 and a.mnais = b.mnais
)
select distinct
  case when typev = '3' then end_file_id else file_id end as file_id, departement,
  case when typev = '3' then end_annee else annee end as annee,
  case when typev = '3' then end_record_no else record_no end as record_no,
  'NUMANONYM' as variable, other_child_id as value
from pairs
