-- The measures counted in the 31 December stock (domain §7), one row per (département, year,
-- measure, hors périmètre included): one of its periods began (or is left-censored) on or before 31/12/Y and its
-- effective end is empty or on or after 31/12/Y, and the child is under 21 that day (unknown
-- birth year: kept). Within the confiés block a child counts once, in its first category by
-- priority (pupille, tutelle, délégation, placement ASE, AP jeune majeur, AP mineur).
with in_force as (
  select distinct y.departement, y.annee, m.measure_id, m.child_id, m.drees_category, k.is_confie, k.confie_rank
  from {{stock_years}} y
  join {{periods}} p on p.departement = y.departement
    and coalesce(p.begin_date, date '0001-01-01') <= y.day
    and coalesce(p.end_date, date '9999-12-31') >= y.day
  join {{measures}} m on m.measure_id = p.measure_id
  join {{drees_categories}} k on k.drees_category = m.drees_category
  left join {{children}} c on c.child_id = m.child_id
  where (c.birth_date is null or cast(c.birth_date + interval 21 year as date) > y.day)
),
first_confie as (
  select *
  from in_force
  where is_confie
  qualify row_number() over (partition by departement, annee, child_id order by confie_rank, measure_id) = 1
)
select departement, annee, drees_category, measure_id, child_id from in_force where not is_confie
union all
select departement, annee, drees_category, measure_id, child_id from first_confie
