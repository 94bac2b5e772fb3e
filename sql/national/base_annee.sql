-- The kept records of every active Base Année, with their child.
with records as (
  select * from {{base_annee_raw}}
)
select r.* replace (m.child_id as child_id)
from records r
left join {{child_map}} m on m.number = r.numanonym
