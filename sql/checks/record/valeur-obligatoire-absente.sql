-- Mandatory values absent (NULL, not "ne sait pas"): the variables required on every event
-- (TYPEV and NUMANONYM are checked while typing: a record without them is rejected), and DATFIN and
-- MOTFININT on an end (TYPEV = 3). A date is absent when its precision is NULL (an invalid date
-- is NULL too: it also has its date-invalide finding).
with offending as (
    select record_no, 'NUMDEP' as variable, null::varchar as value
    from {{records}}
    where numdep is null
    union all
    select record_no, 'SEXE' as variable, null::varchar as value
    from {{records}}
    where sexe is null
    union all
    select record_no, 'ANAIS' as variable, null::varchar as value
    from {{records}}
    where anais is null
    union all
    select record_no, 'MNAIS' as variable, null::varchar as value
    from {{records}}
    where mnais is null
    union all
    select record_no, 'DATDECPE' as variable, null::varchar as value
    from {{records}}
    where datdecpe_precision is null
    union all
    select record_no, 'DECISION' as variable, null::varchar as value
    from {{records}}
    where decision is null
    union all
    select record_no, 'DATDEB' as variable, null::varchar as value
    from {{records}}
    where datdeb_precision is null
    union all
    select record_no, 'DATFIN' as variable, null::varchar as value
    from {{records}}
    where typev = '3' and datfin_precision is null
    union all
    select record_no, 'MOTFININT' as variable, null::varchar as value
    from {{records}}
    where typev = '3' and motfinint is null
)

select record_no, variable, value from offending
