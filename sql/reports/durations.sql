-- Median duration in days of the measures that ended with a recorded end (not imputed, not
-- left-censored, known beginning), by département and DREES category, and France.
with ended as (
  select m.departement, m.drees_category,
    date_diff('day', least(m.decision_date, m.start_date), m.end_date) as days
  from {{measures}} m
  join {{categories}} k on k.drees_category = m.drees_category
  where m.end_date is not null and m.end_imputed is null and not coalesce(m.is_left_censored, false)
    and least(m.decision_date, m.start_date) is not null
    and m.end_date >= least(m.decision_date, m.start_date)
)
select departement, drees_category,
  cast(count(*) as integer) as n_measures,
  cast(median(days) as double) as median_days
from ended
group by grouping sets ((departement, drees_category), (drees_category))
order by departement nulls last, drees_category
