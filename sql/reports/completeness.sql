-- Completeness of each variable in each file (domain §4): among the values expected on a record,
-- the share that are filled in and not "ne sait pas". Expected: the record's TYPEV is one the
-- variable applies to, the child's age at the event fits the variable (minor, young adult; an
-- unknown age fits both), and, for a variable that applies only under a condition on other
-- variables, the value was given (empty means "not applicable" there). Dates are judged on their
-- precision column ('unknown' is "ne sait pas"). $columns: the judged columns of the variable scope.
with records as (
  select *,
    case
      when anais between 1900 and 2100
        then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
    end as ctx_birth_date
  from {{base}}
),
wide as (
  select file_id, typev as ctx_typev,
    case
      when date_sub('year', ctx_birth_date, coalesce(datdecpe, datdeb, datfin)) < 18 then 'minor'
      when date_sub('year', ctx_birth_date, coalesce(datdecpe, datdeb, datfin)) >= 18 then 'young_adult'
    end as ctx_age_class,
    coalesce(columns(c -> list_contains($columns, c))::varchar, '')
  from records
),
cells as (
  unpivot wide on columns(* exclude (file_id, ctx_typev, ctx_age_class)) into name value_column value cell
),
-- Counted before the join: few distinct (column, TYPEV, age class, value) combinations.
cell_counts as (
  select file_id, value_column, ctx_typev, ctx_age_class, cell, count(*) as n
  from cells
  group by all
),
expected as (
  select c.file_id, s.variable, s.num, c.cell, c.n, s.unknown_value
  from cell_counts c
  join {{variable_scope}} s on s.value_column = c.value_column
  where (s.typev is null or list_contains(s.typev, c.ctx_typev))
    and (s.applies_to = 'all' or c.ctx_age_class is null or c.ctx_age_class = s.applies_to)
    and (not s.conditional or c.cell <> '')
)
select file_id, variable, any_value(num) as num,
  cast(sum(n) as integer) as n_expected,
  cast(coalesce(sum(n) filter (where cell <> ''), 0) as integer) as n_filled,
  cast(coalesce(sum(n) filter (where cell <> '' and cell is distinct from unknown_value), 0) as integer) as n_known,
  coalesce(sum(n) filter (where cell <> '' and cell is distinct from unknown_value), 0) / sum(n) as completeness
from expected
group by file_id, variable
order by file_id, num
