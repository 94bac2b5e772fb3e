-- The nodes of the identity graph: every NUMANONYM and every number of an accepted link. Each
-- starts labelled with its own rank: the year it first appeared, then its value (domain §5).
with appearances as (
  select numanonym as number, annee
  from {{base_annee_raw}}
  where numanonym is not null
  union all
  select previous as number, annee
  from {{identity_links}}
  where refusal is null
)
select number, lpad(cast(min(annee) as varchar), 4, '0') || number as label
from appearances
group by number
