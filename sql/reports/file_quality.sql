-- The quality score of each received file, 0 to 100 (docs/reports.md):
--   40 × share of records accepted (not rejected)
-- + 30 × share of kept records with no warning
-- + 30 × mean completeness of the variables expected in the file.
-- A rejected file scores 0; a file with no record has no score.
with warned as (
  select file_id, count(distinct record_no) as n_warned
  from {{file_findings}}
  where severity = 'warning' and record_no is not null
  group by file_id
),
complete as (
  select file_id, avg(completeness) as mean_completeness
  from {{completeness}}
  where n_expected > 0
  group by file_id
),
parts as (
  select r.file_id, r.departement, r.annee, r.status, r.n_records,
    case when r.n_records > 0 then (r.n_records - r.n_rejected) / r.n_records end as accepted_share,
    case
      when r.n_records - r.n_rejected - r.n_duplicates > 0
        then 1 - coalesce(w.n_warned, 0) / (r.n_records - r.n_rejected - r.n_duplicates)
    end as clean_share,
    coalesce(c.mean_completeness, 0) as mean_completeness
  from {{receipts}} r
  left join warned w on w.file_id = r.file_id
  left join complete c on c.file_id = r.file_id
)
select file_id, departement, annee, status, n_records, accepted_share, clean_share, mean_completeness,
  case
    when status = 'rejected' then 0
    when n_records is null or n_records = 0 then null
    else cast(round(100 * (0.4 * accepted_share + 0.3 * greatest(coalesce(clean_share, 0), 0)
      + 0.3 * mean_completeness)) as integer)
  end as score
from parts
