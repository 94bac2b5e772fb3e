-- TYPINTERDOM absent (NULL) for an administrative home help (NATPDECADM 10, 18, 20).
with offending as (
    select record_no, 'TYPINTERDOM' as variable, null::varchar as value
    from {{records}}
    where natpdecadm in ('10', '18', '20') and typinterdom is null
)

select record_no, variable, value from offending
