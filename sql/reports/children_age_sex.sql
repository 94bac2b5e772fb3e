-- Children with a measure of the DREES perimeter in force on 31 December of each year of the
-- stock, by age group (age on 31 December) and sex, by département, and France (children
-- counted once nationally).
with years as (
  select distinct departement, annee from {{stock_31dec}}
),
in_force as (
  select distinct y.departement, y.annee, m.child_id
  from {{measures}} m
  join {{categories}} k on k.drees_category = m.drees_category
  join years y on y.departement = m.departement
  where least(m.decision_date, m.start_date) <= make_date(y.annee, 12, 31)
    and (m.end_date is null or m.end_date >= make_date(y.annee, 12, 31))
),
aged as (
  select i.departement, i.annee, i.child_id, c.sexe,
    case
      when c.anais between 1900 and 2100 then date_sub('year',
        make_date(c.anais, case when c.mnais between 1 and 12 then c.mnais else 7 end, 1),
        make_date(i.annee, 12, 31))
    end as age
  from in_force i
  join {{children}} c on c.child_id = i.child_id
),
grouped as (
  select departement, annee, child_id,
    case when sexe in ('1', '2') then sexe else '9' end as sexe,
    case
      when age is null then 'inconnu'
      when age < 3 then '0-2'
      when age < 6 then '3-5'
      when age < 11 then '6-10'
      when age < 16 then '11-15'
      when age < 18 then '16-17'
      else '18-20'
    end as age_group
  from aged
  where age is null or age < 21
)
select departement, annee, age_group, sexe, cast(count(distinct child_id) as integer) as n_children
from grouped
group by grouping sets ((departement, annee, age_group, sexe), (annee, age_group, sexe))
order by departement nulls last, annee, age_group, sexe
