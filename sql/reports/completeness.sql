-- Completeness of each variable in each file (domain §4): among the values expected on a record,
-- the share that are filled in and not "ne sait pas". Expected: the record's TYPEV is one the
-- variable applies to, the child's age at the event fits the variable (minor, young adult; an
-- unknown age fits both), and, for a variable that applies only under a condition on other
-- variables, the value was given (empty means "not applicable" there). Dates are judged on their
-- precision column ('unknown' is "ne sait pas").
with records as (
  select file_id, record_no, typev,
    case
      when anais between 1900 and 2100
        then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
    end as birth_date,
    coalesce(datdecpe, datdeb, datfin) as event_date
  from {{base}}
),
ages as (
  select file_id, record_no, typev, date_sub('year', birth_date, event_date) as age
  from records
),
wide as (
  select file_id, record_no,
    coalesce(columns(* exclude (file_id, departement, annee, record_no, child_id))::varchar, '')
  from {{base}}
),
cells as (
  unpivot wide on columns(* exclude (file_id, record_no)) into name value_column value cell
),
expected as (
  select c.file_id, s.variable, s.num, c.cell, s.unknown_value
  from cells c
  join {{variable_scope}} s on s.value_column = c.value_column
  join ages a on a.file_id = c.file_id and a.record_no = c.record_no
  where (s.typev is null or list_contains(s.typev, a.typev))
    and (s.applies_to = 'all' or a.age is null
      or (s.applies_to = 'minor' and a.age < 18)
      or (s.applies_to = 'young_adult' and a.age >= 18))
    and (not s.conditional or c.cell <> '')
)
select file_id, variable, any_value(num) as num,
  cast(count(*) as integer) as n_expected,
  cast(count(*) filter (where cell <> '') as integer) as n_filled,
  cast(count(*) filter (where cell <> '' and cell is distinct from unknown_value) as integer) as n_known,
  count(*) filter (where cell <> '' and cell is distinct from unknown_value) / count(*) as completeness
from expected
group by file_id, variable
order by file_id, num
