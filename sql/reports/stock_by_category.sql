-- Measures and children in force on 31 December by département, year and DREES category
-- (stock_31dec), with France (departement null) as the sum of the départements' cells.
with cells as (
  select s.departement, s.annee, s.drees_category, s.n_measures, s.n_children
  from {{stock_31dec}} s
  join {{categories}} k on k.drees_category = s.drees_category
)
select departement, annee, drees_category,
  cast(sum(n_measures) as integer) as n_measures,
  cast(sum(n_children) as integer) as n_children
from cells
group by grouping sets ((departement, annee, drees_category), (annee, drees_category))
order by departement nulls last, annee, drees_category
