-- Share of placements (the accueil block: children confiés and placements directs) among the
-- measures of the DREES perimeter in force on 31 December, by département and year, and France.
with cells as (
  select s.departement, s.annee, s.n_measures, k.block
  from {{stock_31dec}} s
  join {{categories}} k on k.drees_category = s.drees_category
),
totals as (
  select departement, annee,
    sum(n_measures) filter (where block = 'accueil') as n_placements,
    sum(n_measures) as n_measures
  from cells
  group by grouping sets ((departement, annee), (annee))
)
select departement, annee,
  cast(coalesce(n_placements, 0) as integer) as n_placements,
  cast(n_measures as integer) as n_measures,
  case when n_measures > 0 then coalesce(n_placements, 0) / n_measures end as share
from totals
order by departement nulls last, annee
