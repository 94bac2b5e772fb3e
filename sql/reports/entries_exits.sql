-- Measures that began (the earlier known of decision and start) and ended (recorded or imputed
-- end) in each year the département sent a Base Année for, by département, and France over the
-- years at least one département sent.
with years as (
  select distinct departement, annee from {{receipts}}
  where status = 'active' and departement is not null and annee is not null
),
events as (
  select departement, year(least(decision_date, start_date)) as annee, 1 as is_entry, 0 as is_exit
  from {{measures}}
  where least(decision_date, start_date) is not null
  union all
  select departement, year(end_date) as annee, 0, 1
  from {{measures}}
  where end_date is not null
),
counted as (
  select y.departement, y.annee,
    coalesce(sum(e.is_entry), 0) as n_entries, coalesce(sum(e.is_exit), 0) as n_exits
  from years y
  left join events e on e.departement = y.departement and e.annee = y.annee
  group by y.departement, y.annee
)
select departement, annee,
  cast(sum(n_entries) as integer) as n_entries, cast(sum(n_exits) as integer) as n_exits
from counted
group by grouping sets ((departement, annee), (annee))
order by departement nulls last, annee
