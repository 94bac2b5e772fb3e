-- Findings of each file grouped by rule: how many, on how many records, which variables, with
-- the catalogue's French explanation and what to correct.
with counted as (
  select file_id, rule,
    any_value(severity) as severity,
    cast(count(*) as integer) as n_findings,
    cast(count(distinct record_no) as integer) as n_records,
    string_agg(distinct upper(variable), ', ' order by upper(variable)) as variables
  from {{file_findings}}
  group by file_id, rule
)
select c.file_id, c.rule, c.severity, r.family, c.n_findings, c.n_records, c.variables,
  coalesce(r.message, c.rule) as explanation, r.fix
from counted c
left join {{rules}} r on r.code = c.rule
order by c.file_id,
  case c.severity when 'error' then 1 when 'warning' then 2 else 3 end,
  c.n_findings desc, c.rule
