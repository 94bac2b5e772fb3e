-- A few affected records per file and rule (record number, variable, value), the first ones of
-- the file. Values of identifying variables ($hidden_variables: pseudonymous numbers, free text)
-- and anything shaped like a 40-hex number are masked.
with ranked as (
  select file_id, rule, record_no, upper(variable) as variable, value, message,
    row_number() over (partition by file_id, rule order by record_no nulls last, variable, value) as rank
  from {{file_findings}}
)
select file_id, rule, record_no, variable,
  case
    when value is null then null
    when list_contains($hidden_variables, variable) then '(masqué)'
    when regexp_matches(value, '[0-9A-Fa-f]{40}') then '(masqué)'
    else value
  end as value,
  regexp_replace(message, '[0-9A-Fa-f]{40}', '(masqué)', 'g') as message
from ranked
where rank <= $per_rule
order by file_id, rule, rank
