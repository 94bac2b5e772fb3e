-- The receipts by département × year: the file reported on (the active one, else the latest
-- rejected one, else the latest), how many files were superseded or rejected, and the resulting status.
with per_cell as (
  select departement, annee,
    cast(count(*) filter (where status = 'active') as integer) as n_active,
    cast(count(*) filter (where status = 'superseded') as integer) as n_superseded,
    cast(count(*) filter (where status = 'rejected') as integer) as n_rejected,
    arg_max(file_id, received_at) filter (where status = 'active') as active_file_id,
    arg_max(file_id, received_at) filter (where status = 'rejected') as rejected_file_id,
    arg_max(file_id, received_at) as latest_file_id
  from {{receipts}}
  where departement is not null and annee is not null
  group by departement, annee
)
select departement, annee, n_active, n_superseded, n_rejected,
  coalesce(active_file_id, rejected_file_id, latest_file_id) as report_file_id,
  case
    when n_active > 0 and n_superseded > 0 then 'corrige'
    when n_active > 0 then 'recu'
    when n_rejected > 0 then 'refuse'
    else 'remplace'
  end as status
from per_cell
order by departement, annee
