-- A measure still open (no recorded end) whose latest event — the latest beginning of its
-- periods — is older than its legal horizon (2 years judicial, 1 year administrative; none for
-- pupille, tutelle, délégation d'autorité parentale) on 31 December of the département's last
-- file year, or on its imputed end by age when that comes first.
with last_files as (
  select departement, make_date(max(annee), 12, 31) as reference_day
  from {{receipts_active}}
  group by departement
),
open_measures as (
  select p.measure_id, p.departement, p.decision,
    max(p.begin_date) as last_event,
    arg_max(p.end_source, p.seq) as last_end_source,
    arg_max(p.end_date, p.seq) filter (where p.end_date is not null) as last_end_date,
    arg_max(p.file_id, p.seq) as file_id,
    arg_max(p.annee, p.seq) as annee,
    arg_max(p.record_no, p.seq) as record_no
  from {{periods}} p
  join {{measures}} m on m.measure_id = p.measure_id
  where m.drees_category not in ('pupille', 'tutelle', 'delegation_autorite_parentale')
    and p.decision in ('1', '2')
  group by p.measure_id, p.departement, p.decision
),
overdue as (
  select o.*
  from open_measures o
  join last_files f on f.departement = o.departement
  where o.last_end_source is distinct from 'recorded'
    and o.last_event is not null
    and cast(o.last_event + case when o.decision = '2' then interval 2 year else interval 1 year end as date)
      < least(f.reference_day, coalesce(o.last_end_date, f.reference_day))
)
select file_id, departement, annee, record_no, 'DATDECPE' as variable, cast(last_event as varchar) as value
from overdue
