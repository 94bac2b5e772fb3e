-- Mobility (domain §8): one row per child with measures in several départements or with at least
-- one transfer (a period ended with MOTFININT 3, "transfert du dossier dans un autre
-- département"). A transfer is followed when the same child has a measure in another département
-- in force at some time between the transfer's end (DATFIN) and 365 days later.
with per_departement as (
  select child_id, departement, min(begin_date) as first_begin
  from {{paths_measure_spans}}
  group by child_id, departement
),
per_child as (
  select child_id,
    cast(count(*) as integer) as n_departements,
    string_agg(departement, ',' order by first_begin, departement) as departements,
    arg_min(departement, (first_begin, departement)) as first_departement,
    arg_max(departement, (first_begin, departement)) as last_departement
  from per_departement
  group by child_id
),
transfers as (
  select p.period_id, p.child_id, p.departement, p.datfin,
    exists (
      select 1 from {{paths_measure_spans}} m
      where m.child_id = p.child_id and m.departement <> p.departement and p.datfin is not null
        and m.begin_date <= cast(p.datfin + interval 365 day as date) and m.end_date >= p.datfin
    ) as is_followed
  from {{periods}} p
  where p.motfinint = '3' and p.child_id is not null
),
per_child_transfers as (
  select child_id,
    cast(count(*) as integer) as n_transfers,
    cast(count(*) filter (where is_followed) as integer) as n_transfers_followed,
    min(datfin) as first_transfer_date
  from transfers
  group by child_id
)
select coalesce(c.child_id, t.child_id) as child_id,
  coalesce(c.n_departements, 0) as n_departements,
  c.departements, c.first_departement, c.last_departement,
  coalesce(t.n_transfers, 0) as n_transfers,
  coalesce(t.n_transfers_followed, 0) as n_transfers_followed,
  t.first_transfer_date
from per_child c
full join per_child_transfers t on t.child_id = c.child_id
where coalesce(c.n_departements, 0) >= 2 or coalesce(t.n_transfers, 0) >= 1
