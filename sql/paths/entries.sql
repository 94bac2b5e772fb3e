-- Entries into protection (domain §8), one row per child: the first measure (earliest beginning,
-- as in paths_measure_spans), the age then (completed years, birth on the 1st of the birth month,
-- 1 July when the month is unknown), how many measures and départements the child has, the first
-- accueil (time to first placement, in days; 0 when the first measure is an accueil), the end of
-- the first `any` spell of parcours and the re-entry: a second spell beginning at most 365 days
-- after that end (true), none within 365 days while 365 days after the end have been observed
-- before the reference date (false), otherwise unknown (NULL: first spell still open, or exit
-- less than a year before the reference date without a re-entry yet).
with per_child as (
  select child_id,
    min(begin_date) as entry_date,
    arg_min(departement, (begin_date, end_date, measure_id)) as entry_departement,
    arg_min(is_left_censored, (begin_date, end_date, measure_id)) as is_left_censored,
    cast(count(*) as integer) as n_measures,
    cast(count(distinct departement) as integer) as n_departements,
    min(begin_date) filter (where is_accueil) as first_placement_date
  from {{paths_measure_spans}}
  group by child_id
),
first_spells as (
  select child_id,
    max(end_date) filter (where spell_no = 1) as first_spell_end,
    bool_or(is_right_censored) filter (where spell_no = 1) as first_spell_open,
    min(start_date) filter (where spell_no = 2) as reentry_date
  from {{parcours}}
  where kind = 'any'
  group by child_id
),
births as (
  select child_id, sexe,
    case
      when anais between 1900 and 2100
        then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
    end as birth_date
  from {{children}}
)
select p.child_id, p.entry_date, cast(year(p.entry_date) as smallint) as entry_year, p.entry_departement,
  p.is_left_censored, b.sexe,
  case when b.birth_date <= p.entry_date then cast(date_sub('year', b.birth_date, p.entry_date) as smallint) end
    as age_at_entry,
  p.n_measures, p.n_departements, p.first_placement_date,
  cast(date_diff('day', p.entry_date, p.first_placement_date) as integer) as days_to_first_placement,
  case when not s.first_spell_open then s.first_spell_end end as first_exit_date,
  s.reentry_date,
  case
    when s.first_spell_open then null
    when s.reentry_date is not null and date_diff('day', s.first_spell_end, s.reentry_date) <= 365 then true
    when cast(s.first_spell_end + interval 365 day as date) <= $reference_date::date then false
  end as reentry_within_12m
from per_child p
left join first_spells s on s.child_id = p.child_id
left join births b on b.child_id = p.child_id
