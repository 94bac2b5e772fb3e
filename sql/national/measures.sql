-- Measures (domain §6): one per chain of periods, with its DREES category (§6 table). The
-- TYPINTERDOM of a measure is that of its latest period with a known one (not 9), so a measure
-- has one category over its whole life. A measure is left-censored when its first period is
-- (an end with neither DATDECPE nor DATDEB) or is a renewal with no earlier measure.
with per_measure as (
  select measure_id,
    cast(count(*) as integer) as n_periods,
    arg_max(typinterdom, seq) filter (where typinterdom is not null and typinterdom <> '9') as typinterdom
  from {{periods}}
  group by measure_id
),
first_period as (
  select * from {{periods}} where seq = 1
),
last_period as (
  select * from {{periods}}
  qualify row_number() over (partition by measure_id order by seq desc) = 1
),
categorised as (
  select f.measure_id, f.child_id, f.departement, f.decision, f.nature, pm.typinterdom,
    case
      when f.decision = '1' and f.nature = '15' then 'pupille'
      when f.decision = '1' and f.nature in ('12', '13', '14') then 'accueil_provisoire_mineur'
      when f.decision = '1' and f.nature = '21' then 'accueil_provisoire_jeune_majeur'
      when f.decision = '2' and f.nature = '17' then 'placement_ase'
      when f.decision = '2' and f.nature = '22' then 'delegation_autorite_parentale'
      when f.decision = '2' and f.nature = '23' then 'tutelle'
      when f.decision = '2' and f.nature = '18' then 'placement_direct'
      when f.decision = '1' and f.nature = '10' and pm.typinterdom in ('2', '3', '4', '5') then 'aed'
      when f.decision = '1' and f.nature = '20' then 'aed'
      when f.decision = '2' and f.nature in ('15', '16') then 'aemo'
      else 'hors_perimetre'
    end as drees_category,
    coalesce(f.datdecpe, f.datdeb) as decision_date, f.datdeb as start_date, f.begin_date,
    l.end_date, l.end_imputed, pm.n_periods,
    f.is_left_censored or f.typev = '2' as is_left_censored,
    f.minors_only
  from first_period f
  join last_period l on l.measure_id = f.measure_id
  join per_measure pm on pm.measure_id = f.measure_id
)
select c.measure_id, c.child_id, c.departement, c.decision, c.nature, c.drees_category, k.block,
  k.is_confie, c.typinterdom, c.decision_date, c.start_date, c.begin_date, c.end_date, c.end_imputed,
  c.n_periods, c.is_left_censored, c.minors_only
from categorised c
left join {{drees_categories}} k on k.drees_category = c.drees_category
