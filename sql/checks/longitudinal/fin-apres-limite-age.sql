-- A recorded end after the age limit of its measure: the 21st birthday, or the 18th for the
-- minors-only natures (the end is kept as recorded).
with recorded_ends as (
  select p.end_file_id, p.departement, p.end_annee, p.end_record_no, p.datfin, p.minors_only, c.birth_date
  from {{periods}} p
  join {{children}} c on c.child_id = p.child_id
  where p.end_source = 'recorded' and p.datfin is not null and c.birth_date is not null
)
select end_file_id as file_id, departement, end_annee as annee, end_record_no as record_no,
  'DATFIN' as variable, cast(datfin as varchar) as value
from recorded_ends
where datfin > cast(birth_date + interval 21 year as date)
  or (minors_only and datfin > cast(birth_date + interval 18 year as date))
