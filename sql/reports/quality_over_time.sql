-- The quality score of the file in force for each département and year (file_quality), and for
-- France the mean of the départements' scores weighted by their records.
with scored as (
  select departement, annee, score, n_records
  from {{file_quality}}
  where status = 'active' and score is not null
)
select departement, annee,
  cast(round(sum(score * n_records) / nullif(sum(n_records), 0)) as integer) as score,
  cast(sum(n_records) as integer) as n_records
from scored
group by grouping sets ((departement, annee), (annee))
order by departement nulls last, annee
