-- One row per child (domain §5): SEXE, ANAIS and MNAIS as last reported (the latest known value,
-- a later "ne sait pas" does not erase a known one), where and when the child first appeared,
-- and the birth date used for ages (1st of the birth month; unknown month: 1 July).
with records as (
  select b.child_id, b.departement, b.annee, b.record_no, r.received_at, b.sexe, b.anais, b.mnais,
    least(b.datdecpe, b.datdeb, b.datfin) as event_date
  from {{base_annee}} b
  join {{receipts_active}} r on r.file_id = b.file_id
  where b.child_id is not null
),
per_child as (
  select child_id,
    coalesce(
      arg_max(sexe, (annee, received_at, record_no)) filter (where sexe is not null and sexe <> '9'),
      arg_max(sexe, (annee, received_at, record_no)) filter (where sexe is not null)
    ) as sexe,
    coalesce(
      arg_max(anais, (annee, received_at, record_no)) filter (where anais is not null and anais <> 9999),
      arg_max(anais, (annee, received_at, record_no)) filter (where anais is not null)
    ) as anais,
    coalesce(
      arg_max(mnais, (annee, received_at, record_no)) filter (where mnais between 1 and 12),
      arg_max(mnais, (annee, received_at, record_no)) filter (where mnais is not null)
    ) as mnais,
    arg_min(departement, (coalesce(event_date, date '9999-12-31'), departement)) as first_departement,
    count(distinct departement) as n_departements,
    min(event_date) as first_event_date
  from records
  group by child_id
)
select child_id, sexe, anais, mnais, first_departement, cast(n_departements as integer) as n_departements,
  first_event_date,
  case
    when anais between 1900 and 2100
      then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
  end as birth_date
from per_child
