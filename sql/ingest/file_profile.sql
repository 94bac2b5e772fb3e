-- One row describing a staged file: its département (the most frequent NUMDEP), how many
-- distinct NUMDEP it holds, and the calendar year holding most of its event dates.
with departements as (
    select numdep, count(*) as n_records
    from {{records}}
    where numdep is not null
    group by numdep
),

main_departement as (
    select numdep, (select count(*) from departements) as n_departements
    from departements
    order by n_records desc, numdep
    limit 1
),

event_dates as (
    select datdecpe as event_date from {{records}} where datdecpe_precision in ('day', 'month')
    union all
    select datdeb from {{records}} where datdeb_precision in ('day', 'month')
    union all
    select datfin from {{records}} where datfin_precision in ('day', 'month')
),

years as (
    select year(event_date) as event_year, count(*) as n_dates
    from event_dates
    group by all
),

main_year as (
    select event_year
    from years
    order by n_dates desc, event_year desc
    limit 1
)

select
    (select numdep from main_departement) as departement,
    coalesce((select n_departements from main_departement), 0) as n_departements,
    (select event_year from main_year) as dates_year,
    (select count(*) from {{records}}) as n_kept
