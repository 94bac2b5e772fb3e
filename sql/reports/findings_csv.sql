-- Every finding of one file ($file_id) for the département's spreadsheet, values of identifying
-- variables ($hidden_variables) and anything shaped like a 40-hex number masked.
with file_findings as (
  select record_no, rule, severity, upper(variable) as variable, value, message
  from {{file_findings}}
  where file_id = $file_id
)
select f.record_no, f.rule, f.severity, f.variable,
  case
    when f.value is null then null
    when list_contains($hidden_variables, f.variable) then '(masqué)'
    when regexp_matches(f.value, '[0-9A-Fa-f]{40}') then '(masqué)'
    else f.value
  end as value,
  regexp_replace(f.message, '[0-9A-Fa-f]{40}', '(masqué)', 'g') as message,
  r.fix
from file_findings f
left join {{rules}} r on r.code = f.rule
order by f.record_no nulls first, f.rule, f.variable
