-- Totals of the 31 December stock: per département × year × block, and for France per year ×
-- block and per year × category (departement NULL). Measures are sums of the cells; children are
-- counted distinct again at each level. Blocks: accueil (the seven accueil categories),
-- confies (its six confiés categories), actions_educatives (aed, aemo), ensemble (all nine DREES
-- categories; hors_perimetre is in no block).
-- stock_in_force has one row per (département, year, measure), so measures are counted by rows.
with memberships as (
  select drees_category, block from {{drees_categories}} where block is not null
  union all
  select drees_category, 'confies' as block from {{drees_categories}} where is_confie
  union all
  select drees_category, 'ensemble' as block from {{drees_categories}} where block is not null
),
blocks as (
  select distinct block from memberships
),
years as (
  select distinct annee from {{stock_years}}
),
departement_blocks as (
  select y.departement, y.annee, b.block, cast(null as varchar) as drees_category
  from {{stock_years}} y
  cross join blocks b
),
france_blocks as (
  select cast(null as varchar) as departement, y.annee, b.block, cast(null as varchar) as drees_category
  from years y
  cross join blocks b
),
france_categories as (
  select cast(null as varchar) as departement, y.annee, cast(null as varchar) as block, k.drees_category
  from years y
  cross join {{drees_categories}} k
),
by_departement_block as (
  select f.departement, f.annee, m.block,
    count(*) as n_measures, count(distinct f.child_id) as n_children
  from {{stock_in_force}} f
  join memberships m on m.drees_category = f.drees_category
  group by f.departement, f.annee, m.block
),
by_france_block as (
  select f.annee, m.block,
    count(*) as n_measures, count(distinct f.child_id) as n_children
  from {{stock_in_force}} f
  join memberships m on m.drees_category = f.drees_category
  group by f.annee, m.block
),
by_france_category as (
  select annee, drees_category,
    count(*) as n_measures, count(distinct child_id) as n_children
  from {{stock_in_force}}
  group by annee, drees_category
),
rows as (
  select d.departement, d.annee, d.block, d.drees_category, n.n_measures, n.n_children
  from departement_blocks d
  left join by_departement_block n on n.departement = d.departement and n.annee = d.annee and n.block = d.block
  union all
  select f.departement, f.annee, f.block, f.drees_category, n.n_measures, n.n_children
  from france_blocks f
  left join by_france_block n on n.annee = f.annee and n.block = f.block
  union all
  select f.departement, f.annee, f.block, f.drees_category, n.n_measures, n.n_children
  from france_categories f
  left join by_france_category n on n.annee = f.annee and n.drees_category = f.drees_category
)
select departement, annee, block, drees_category,
  cast(coalesce(n_measures, 0) as integer) as n_measures,
  cast(coalesce(n_children, 0) as integer) as n_children
from rows
order by annee, departement nulls last, block nulls last, drees_category
