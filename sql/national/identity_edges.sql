-- The accepted links as undirected edges (both directions), one row per pair.
with accepted as (
  select distinct previous, current
  from {{identity_links}}
  where refusal is null
)
select previous as number, current as neighbour from accepted
union
select current as number, previous as neighbour from accepted
