-- The Bases Départements: every kept record of a département's active Bases Années, the same
-- event received in several files counted once (domain §1, §6). An event is identified by
-- (département, child, TYPEV, DECISION, nature, DATDECPE — DATDEB when DATDECPE is unknown — and,
-- for an end with neither date, DATFIN). The latest file's record is kept, with the known DATDEB
-- of the latest file that has one, and the list of the files it came from (oldest first).
with records as (
  select b.*, r.received_at,
    case b.decision
      when '1' then b.natpdecadm
      when '2' then b.natdecassed
      else coalesce(b.natpdecadm, b.natdecassed)
    end as nature,
    coalesce(b.datdecpe, b.datdeb) as key_date
  from {{base_annee}} b
  join {{receipts_active}} r on r.file_id = b.file_id
  where b.child_id is not null and b.typev in ('1', '2', '3')
),
keyed as (
  select *,
    concat_ws('|', departement, child_id, coalesce(decision, '?'), coalesce(nature, '?'),
      coalesce(cast(key_date as varchar), '?')) as period_key,
    md5(concat_ws('|', departement, child_id, typev, coalesce(decision, '?'), coalesce(nature, '?'),
      coalesce(cast(key_date as varchar), '?'),
      case when typev = '3' and key_date is null then coalesce(cast(datfin as varchar), '?') end)) as event_id
  from records
),
ranked as (
  select *,
    row_number() over (partition by event_id order by annee desc, received_at desc, record_no desc) as recency
  from keyed
),
sources as (
  select event_id,
    list(file_id order by annee, received_at) as file_ids,
    cast(min(annee) as smallint) as first_annee
  from (select distinct event_id, file_id, annee, received_at from keyed)
  group by event_id
),
latest_start as (
  select event_id, arg_min({'d': datdeb, 'p': datdeb_precision}, recency) as start
  from ranked
  where datdeb is not null
  group by event_id
)
select r.* exclude (recency, received_at, datdeb, datdeb_precision),
  coalesce(r.datdeb, ls.start.d) as datdeb,
  case when r.datdeb is null and ls.start.d is not null then ls.start.p else r.datdeb_precision end
    as datdeb_precision,
  s.file_ids, cast(len(s.file_ids) as integer) as n_files, s.first_annee
from ranked r
join sources s on s.event_id = r.event_id
left join latest_start ls on ls.event_id = r.event_id
where r.recency = 1
