-- The 31 December stock beside the DREES reference, by département (Corsica compared as one
-- collectivité, 2A + 2B against the DREES `20`), year and category, with France as the sum over
-- the départements present in both (Corsica only when 2A and 2B both sent).
with olinpe as (
  select case when departement in ('2A', '2B') then '20' else departement end as drees_departement,
    annee, drees_category, sum(n_measures) as n_olinpe,
    -- Corsica is whole only when both 2A and 2B are in the stock.
    count(distinct departement) = max(case when departement in ('2A', '2B') then 2 else 1 end) as is_whole
  from {{stock_31dec}}
  group by all
),
paired as (
  select o.drees_departement, o.annee, o.drees_category, k.display_order, o.is_whole, o.n_olinpe,
    d.n_measures as n_drees, d.departement is not null as in_reference
  from olinpe o
  join {{categories}} k on k.drees_category = o.drees_category
  left join {{drees}} d on d.departement = o.drees_departement and d.annee = o.annee
    and d.drees_category = o.drees_category
  where o.annee in (select distinct annee from {{drees}})
),
france as (
  select cast(null as varchar) as drees_departement, annee, drees_category, display_order, true as is_whole,
    sum(n_olinpe) as n_olinpe, sum(n_drees) as n_drees, true as in_reference
  from paired
  where n_drees is not null and is_whole
  group by annee, drees_category, display_order
),
both_levels as (
  select * from paired
  union all
  select * from france
)
select drees_departement, annee, drees_category, in_reference, is_whole,
  cast(n_olinpe as integer) as n_olinpe, cast(n_drees as integer) as n_drees,
  case when n_drees > 0 then n_olinpe / n_drees end as ratio
from both_levels
order by drees_departement nulls last, annee, display_order
