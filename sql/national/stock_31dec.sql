-- The 31 December stock per département × year × DREES category (domain §7), the nine DREES
-- categories and hors_perimetre: zero where nothing is in force, absent where the département
-- sent no Base Année for that year or a later one.
with cells as (
  select y.departement, y.annee, k.drees_category, k.display_order
  from {{stock_years}} y
  cross join {{drees_categories}} k
),
counts as (
  select departement, annee, drees_category,
    count(*) as n_measures, count(distinct child_id) as n_children
  from {{stock_in_force}}
  group by departement, annee, drees_category
)
select c.departement, c.annee, c.drees_category,
  cast(coalesce(n.n_measures, 0) as integer) as n_measures,
  cast(coalesce(n.n_children, 0) as integer) as n_children
from cells c
left join counts n on n.departement = c.departement and n.annee = c.annee and n.drees_category = c.drees_category
order by c.departement, c.annee, c.display_order
