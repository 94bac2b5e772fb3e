-- The Bases Départements: every kept record of a département's active Bases Années, the same
-- event received in several files counted once (domain §1, §6). An event is identified by
-- (département, child, TYPEV, DECISION, nature, DATDECPE — DATDEB when DATDECPE is unknown — and,
-- for an end with neither date, DATFIN). The latest file's record is kept (its values win), with
-- the known DATDEB of the latest file that has one, and the list of the files it came from
-- (oldest first). A département has one active file a year, so "latest" is the latest year (then
-- the latest record). The table holds the variables the longitudinal rules use; any other
-- variable of the kept record is in `base_annee`, joined on (file_id, record_no).
with records as (
  select b.file_id, b.record_no, b.annee, b.departement, b.child_id, b.typev, b.decision,
    b.datdeb, b.datdeb_precision,
    case b.decision
      when '1' then b.natpdecadm
      when '2' then b.natdecassed
      else coalesce(b.natpdecadm, b.natdecassed)
    end as nature,
    coalesce(b.datdecpe, b.datdeb) as key_date,
    case when b.typev = '3' and b.datdecpe is null and b.datdeb is null then b.datfin end as end_date_key,
    cast(b.annee as bigint) * 1000000000 + b.record_no as recency
  from {{base_annee}} b
  join {{receipts_active}} r on r.file_id = b.file_id
  where b.child_id is not null and b.typev in ('1', '2', '3')
),
per_event as (
  select departement, child_id, typev, decision, nature, key_date, end_date_key,
    arg_max(file_id, recency) as file_id,
    arg_max(record_no, recency) as record_no,
    arg_max(datdeb, recency) filter (where datdeb is not null) as known_datdeb,
    arg_max(datdeb_precision, recency) filter (where datdeb is not null) as known_datdeb_precision,
    list_transform(
      list_sort(list_distinct(list({'annee': annee, 'file_id': file_id}))), lambda f: f.file_id
    ) as file_ids,
    cast(min(annee) as smallint) as first_annee
  from records
  group by departement, child_id, typev, decision, nature, key_date, end_date_key
),
identified as (
  select e.*,
    concat_ws('|', e.departement, e.child_id, coalesce(e.decision, '?'), coalesce(e.nature, '?'),
      coalesce(cast(e.key_date as varchar), '?')) as period_key,
    md5(concat_ws('|', e.departement, e.child_id, e.typev, coalesce(e.decision, '?'), coalesce(e.nature, '?'),
      coalesce(cast(e.key_date as varchar), '?'), cast(e.end_date_key as varchar))) as event_id
  from per_event e
)
select i.event_id, b.departement, b.child_id, b.typev, b.decision, i.nature, b.natpdecadm, b.natdecassed,
  i.key_date, i.period_key, b.datdecpe, b.datdecpe_precision,
  coalesce(b.datdeb, i.known_datdeb) as datdeb,
  case when b.datdeb is null then i.known_datdeb_precision else b.datdeb_precision end as datdeb_precision,
  b.datfin, b.datfin_precision, b.motfinint, b.motifml, b.typinterdom, b.sexe, b.anais, b.mnais,
  b.file_id, b.annee, b.record_no, cast(b.annee as bigint) * 1000000000 + b.record_no as recency, i.file_ids, cast(len(i.file_ids) as integer) as n_files, i.first_annee
from identified i
join {{base_annee}} b on b.file_id = i.file_id and b.record_no = i.record_no
