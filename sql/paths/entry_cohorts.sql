-- Entry cohorts (domain §8), one row per year of first measure between the first and the last
-- year of the active Bases Années ($first_year, $last_year). A child whose first measure is
-- left-censored (begun with a renewal or known from its end only) entered earlier than observed:
-- it is counted in n_left_censored and left out of every other column. Means are over known
-- values, rounded to 2 decimals; medians are continuous quantiles, rounded to 1 decimal.
with observed as (
  select * from {{entries}}
  where entry_year between $first_year and $last_year
),
entered as (
  select * from observed where not is_left_censored
),
left_censored as (
  select entry_year, cast(count(*) as integer) as n_left_censored
  from observed where is_left_censored
  group by entry_year
),
cohorts as (
  select entry_year,
    cast(count(*) as integer) as n_children,
    cast(count(*) filter (where sexe = '1') as integer) as n_boys,
    cast(count(*) filter (where sexe = '2') as integer) as n_girls,
    cast(count(age_at_entry) as integer) as n_age_known,
    round(sum(age_at_entry) / count(age_at_entry), 2) as mean_age_at_entry,
    round(quantile_cont(age_at_entry, 0.5), 1) as median_age_at_entry,
    round(sum(n_measures) / count(*), 2) as mean_measures,
    round(sum(n_departements) / count(*), 2) as mean_departements,
    cast(count(*) filter (where n_departements >= 2) as integer) as n_several_departements,
    cast(count(first_placement_date) as integer) as n_placed,
    cast(count(*) filter (where days_to_first_placement = 0) as integer) as n_placed_at_entry,
    cast(count(*) filter (where days_to_first_placement <= 365) as integer) as n_placed_within_12m,
    round(quantile_cont(days_to_first_placement, 0.5), 1) as median_days_to_first_placement,
    cast(count(first_exit_date) as integer) as n_exits,
    cast(count(reentry_within_12m) as integer) as n_exits_observed_12m,
    cast(count(*) filter (where reentry_within_12m) as integer) as n_reentries_12m
  from entered
  group by entry_year
)
select coalesce(c.entry_year, l.entry_year) as entry_year,
  coalesce(c.n_children, 0) as n_children,
  coalesce(l.n_left_censored, 0) as n_left_censored,
  coalesce(c.n_boys, 0) as n_boys, coalesce(c.n_girls, 0) as n_girls,
  coalesce(c.n_age_known, 0) as n_age_known, c.mean_age_at_entry, c.median_age_at_entry,
  c.mean_measures, c.mean_departements, coalesce(c.n_several_departements, 0) as n_several_departements,
  coalesce(c.n_placed, 0) as n_placed, coalesce(c.n_placed_at_entry, 0) as n_placed_at_entry,
  coalesce(c.n_placed_within_12m, 0) as n_placed_within_12m, c.median_days_to_first_placement,
  coalesce(c.n_exits, 0) as n_exits, coalesce(c.n_exits_observed_12m, 0) as n_exits_observed_12m,
  coalesce(c.n_reentries_12m, 0) as n_reentries_12m
from cohorts c
full join left_censored l on l.entry_year = c.entry_year
