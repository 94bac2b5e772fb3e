-- Periods (domain §6) before they are chained into measures: one per prestation/mesure
-- decision, keyed by (département, child, DECISION, nature, DATDECPE — DATDEB when DATDECPE is
-- unknown). Openings (TYPEV 1/2) give the decision and start; each end (TYPEV 3) closes, in
-- this order: the period with its key (exact); when its DATDECPE is unknown — or the opening's —
-- the period of the same chain with the same DATDEB (datdeb); when its DATDECPE is unknown, the
-- latest open period of the chain that began on or before DATFIN (latest_open); failing all
-- three, it becomes a period of its own (none), left-censored when both its dates are unknown.
-- An end whose DATFIN is unknown closes on 1 July of its file's year.
with tagged_events as (
  select *,
    concat_ws('|', departement, child_id, coalesce(decision, '?'), coalesce(nature, '?')) as chain_key
  from {{events}}
),
openings as (
  select period_key,
    any_value(chain_key) as chain_key,
    any_value(departement) as departement,
    any_value(child_id) as child_id,
    any_value(decision) as decision,
    any_value(nature) as nature,
    min(typev) as typev,
    arg_max(datdecpe, recency) filter (where datdecpe is not null) as datdecpe,
    arg_max(datdeb, recency) filter (where datdeb is not null) as datdeb,
    coalesce(
      arg_max(typinterdom, recency) filter (where typinterdom is not null and typinterdom <> '9'),
      arg_max(typinterdom, recency) filter (where typinterdom is not null)
    ) as typinterdom,
    min(first_annee) as first_annee,
    arg_max(file_id, recency) as file_id,
    max(annee) as annee,
    arg_max(record_no, recency) as record_no
  from tagged_events
  where typev in ('1', '2')
  group by period_key
),
dated_openings as (
  select *,
    coalesce(least(datdecpe, datdeb), make_date(first_annee, 7, 1)) as begin_date,
    least(datdecpe, datdeb) is null as begin_imputed
  from openings
),
ends as (
  select event_id as end_id, period_key, chain_key, departement, child_id, decision, nature,
    datdecpe, datdeb, datfin, datfin_precision, coalesce(datfin, make_date(annee, 7, 1)) as closed_on,
    motfinint, motifml, typinterdom, file_id, annee, record_no
  from tagged_events
  where typev = '3'
),
match_exact as (
  select e.end_id, o.period_key, 'exact' as end_match
  from ends e
  join dated_openings o on o.period_key = e.period_key
),
start_candidates as (
  select e.end_id, o.period_key, e.closed_on
  from ends e
  join dated_openings o on o.chain_key = e.chain_key and o.datdeb = e.datdeb
  where (e.datdecpe is null or o.datdecpe is null)
    and e.end_id not in (select end_id from match_exact)
    and o.period_key not in (select period_key from match_exact)
  qualify row_number() over (partition by e.end_id order by o.begin_date desc, o.period_key desc) = 1
),
match_start as (
  select end_id, period_key, 'datdeb' as end_match
  from start_candidates
  qualify row_number() over (partition by period_key order by closed_on, end_id) = 1
),
open_candidates as (
  select e.end_id, o.period_key, e.closed_on
  from ends e
  join dated_openings o on o.chain_key = e.chain_key and o.begin_date <= e.datfin
  where e.datdecpe is null
    and e.end_id not in (select end_id from match_exact union all select end_id from match_start)
    and o.period_key not in (select period_key from match_exact union all select period_key from match_start)
  qualify row_number() over (partition by e.end_id order by o.begin_date desc, o.period_key desc) = 1
),
match_open as (
  select end_id, period_key, 'latest_open' as end_match
  from open_candidates
  qualify row_number() over (partition by period_key order by closed_on, end_id) = 1
),
matches as (
  select * from match_exact
  union all
  select * from match_start
  union all
  select * from match_open
),
opened_periods as (
  select md5(o.period_key) as period_id, o.chain_key, o.departement, o.child_id, o.decision, o.nature,
    o.typev, o.datdecpe, o.datdeb, e.datfin, e.datfin_precision, e.closed_on, e.motfinint, e.motifml,
    coalesce(case when o.typinterdom <> '9' then o.typinterdom end,
      case when e.typinterdom <> '9' then e.typinterdom end, o.typinterdom, e.typinterdom) as typinterdom,
    o.begin_date, o.begin_imputed, false as is_left_censored, m.end_match, true as has_opening,
    o.file_id, o.annee, o.record_no, e.file_id as end_file_id, e.annee as end_annee, e.record_no as end_record_no
  from dated_openings o
  left join matches m on m.period_key = o.period_key
  left join ends e on e.end_id = m.end_id
),
end_only_periods as (
  select md5('end|' || e.end_id) as period_id, e.chain_key, e.departement, e.child_id, e.decision, e.nature,
    '3' as typev, e.datdecpe, e.datdeb, e.datfin, e.datfin_precision, e.closed_on, e.motfinint, e.motifml,
    e.typinterdom, least(e.datdecpe, e.datdeb) as begin_date, false as begin_imputed,
    least(e.datdecpe, e.datdeb) is null as is_left_censored, 'none' as end_match, false as has_opening,
    e.file_id, e.annee, e.record_no, e.file_id as end_file_id, e.annee as end_annee, e.record_no as end_record_no
  from ends e
  where e.end_id not in (select end_id from matches)
)
select * from opened_periods
union all
select * from end_only_periods
