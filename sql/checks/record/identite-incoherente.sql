-- The same NUMANONYM (definitive) with different SEXE, ANAIS or MNAIS in the file: every record
-- of such a child, once per differing variable, with its own value. "Ne sait pas" (9, 9999, 99)
-- and NULL do not contradict a known value.
with known as (
    select
        record_no,
        numanonym,
        nullif(sexe, '9') as sexe,
        nullif(anais, 9999) as anais,
        nullif(mnais, 99) as mnais
    from {{records}}
),

children as (
    select
        numanonym,
        count(distinct sexe) > 1 as sexe_differs,
        count(distinct anais) > 1 as anais_differs,
        count(distinct mnais) > 1 as mnais_differs
    from known
    group by numanonym
    having sexe_differs or anais_differs or mnais_differs
),

offending as (
    select k.record_no, 'SEXE' as variable, k.sexe as value
    from known as k
    inner join children as c using (numanonym)
    where c.sexe_differs and k.sexe is not null
    union all
    select k.record_no, 'ANAIS' as variable, cast(k.anais as varchar) as value
    from known as k
    inner join children as c using (numanonym)
    where c.anais_differs and k.anais is not null
    union all
    select k.record_no, 'MNAIS' as variable, cast(k.mnais as varchar) as value
    from known as k
    inner join children as c using (numanonym)
    where c.mnais_differs and k.mnais is not null
)

select record_no, variable, value from offending
