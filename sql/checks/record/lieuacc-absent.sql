-- LIEUACC absent (NULL) for an administrative accueil (NATPDECADM 11-16, 19, 21; 18 is not
-- always an accueil, so it is not required there).
with offending as (
    select record_no, 'LIEUACC' as variable, null::varchar as value
    from {{records}}
    where natpdecadm in ('11', '12', '13', '14', '15', '16', '19', '21') and lieuacc is null
)

select record_no, variable, value from offending
