-- Periods chained into measures (domain §6). Within a chain — same (département, child,
-- DECISION, nature) — periods are ordered by their beginning (the earlier known of DATDECPE and
-- DATDEB; left-censored first). A period continues the measure of the previous one when it is a
-- renewal (TYPEV 2), when the previous period is still open, or when it begins at most one day
-- after the latest end reached so far in the chain. Effective end: the recorded end; for an open
-- period followed by another, the other's beginning; for the last open period, the 18th
-- birthday (minors-only natures) or the 21st (any other), stored as imputed with its reason.
with ordered as (
  select p.*, c.birth_date,
    lag(p.period_id) over chain as previous_period_id,
    lag(p.closed_on) over chain as previous_closed_on,
    lead(p.begin_date) over chain as next_begin,
    row_number() over chain as chain_seq
  from {{period_base}} p
  left join {{children}} c on c.child_id = p.child_id
  window chain as (partition by p.chain_key order by p.begin_date nulls first, p.typev, p.period_id)
),
reached as (
  select *,
    max(coalesce(closed_on, next_begin)) over (
      partition by chain_key order by chain_seq rows between unbounded preceding and 1 preceding
    ) as reached_end
  from ordered
),
flagged as (
  select *,
    case
      when previous_period_id is null then true
      when typev = '2' then false
      when previous_closed_on is null then false
      when begin_date <= cast(reached_end + interval 1 day as date) then false
      else true
    end as starts_measure
  from reached
),
numbered as (
  select *,
    sum(case when starts_measure then 1 else 0 end) over (
      partition by chain_key order by chain_seq rows between unbounded preceding and current row
    ) as measure_no
  from flagged
),
grouped as (
  select *,
    md5('measure|' || first_value(period_id) over measure) as measure_id,
    cast(row_number() over measure as integer) as seq,
    (decision = '1' and nature in ('10', '11', '12', '13', '14', '15', '16', '19'))
      or (decision = '2' and nature in ('11', '14', '15', '16', '17', '18', '19', '22', '23')) as minors_only
  from numbered
  window measure as (partition by chain_key, measure_no order by chain_seq)
)
select period_id, measure_id, child_id, departement, decision, nature, typev, datdecpe, datdeb, datfin,
  datfin_precision, motfinint, motifml, typinterdom, seq, begin_date, begin_imputed, is_left_censored,
  case
    when closed_on is not null then closed_on
    when next_begin is not null then next_begin
    when birth_date is not null and minors_only then cast(birth_date + interval 18 year as date)
    when birth_date is not null then cast(birth_date + interval 21 year as date)
  end as end_date,
  case
    when closed_on is not null then 'recorded'
    when next_begin is not null then 'next_period'
    when birth_date is not null then 'age'
  end as end_source,
  case
    when closed_on is null and next_begin is null and birth_date is not null and minors_only then 'majorite-18-ans'
    when closed_on is null and next_begin is null and birth_date is not null then 'limite-21-ans'
  end as end_imputed,
  minors_only, end_match, has_opening, chain_key,
  file_id, annee, record_no, end_file_id, end_annee, end_record_no
from grouped
