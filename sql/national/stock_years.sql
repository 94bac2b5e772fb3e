-- The (département, year) cells of the 31 December stock (domain §7): every year from the first
-- file year to the last, for each département that sent a Base Année for that year or a later one.
with bounds as (
  select cast(min(annee) as bigint) as first_annee, cast(max(annee) as bigint) as last_annee
  from {{receipts_active}}
),
years as (
  select cast(unnest(generate_series(first_annee, last_annee)) as smallint) as annee
  from bounds
  where first_annee is not null
),
departements as (
  select departement, max(annee) as last_annee
  from {{receipts_active}}
  group by departement
)
select d.departement, y.annee, make_date(y.annee, 12, 31) as day
from departements d
join years y on y.annee <= d.last_annee
