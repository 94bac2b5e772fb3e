-- Parcours (domain §8): per child, spells of continuous protection. Kind `any`: every measure of
-- any category, hors périmètre included, a gap of at most 30 days merged; kind `accueil`: accueil
-- measures only (see paths_measure_spans), a gap of at most 7 days merged. The gap is the number
-- of days from the latest end reached so far to the next beginning (end 1 January, next start
-- 31 January: 30 days). Overlapping measures are one spell. Spells are numbered from 1 per child
-- and kind in time order.
with kinds as (
  select *, 'any' as kind, 30 as max_gap from {{paths_measure_spans}}
  union all
  select *, 'accueil' as kind, 7 as max_gap from {{paths_measure_spans}} where is_accueil
),
reached as (
  select *,
    max(end_date) over (
      partition by kind, child_id order by begin_date, end_date, measure_id
      rows between unbounded preceding and 1 preceding
    ) as reached_end
  from kinds
),
flagged as (
  select *,
    case when reached_end is null or date_diff('day', reached_end, begin_date) > max_gap then 1 else 0 end as starts_spell
  from reached
),
numbered as (
  select *,
    sum(starts_spell) over (
      partition by kind, child_id order by begin_date, end_date, measure_id
      rows between unbounded preceding and current row
    ) as spell_no
  from flagged
)
select child_id, cast(spell_no as integer) as spell_no, kind,
  min(begin_date) as start_date,
  max(end_date) as end_date,
  cast(count(*) as integer) as n_measures,
  cast(count(distinct departement) as integer) as n_departements,
  bool_or(is_open) as is_right_censored,
  arg_min(is_left_censored, (begin_date, end_date, measure_id)) as is_left_censored,
  arg_min(departement, (begin_date, end_date, measure_id)) as first_departement
from numbered
group by child_id, spell_no, kind
