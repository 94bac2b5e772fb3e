-- NATDECPLAC, INSTITPLAC or LIEUPLAC absent (NULL) for a judicial placement (NATDECASSED 17, 18).
with offending as (
    select record_no, 'NATDECPLAC' as variable, null::varchar as value
    from {{records}}
    where natdecassed in ('17', '18') and natdecplac is null
    union all
    select record_no, 'INSTITPLAC' as variable, null::varchar as value
    from {{records}}
    where natdecassed in ('17', '18') and institplac is null
    union all
    select record_no, 'LIEUPLAC' as variable, null::varchar as value
    from {{records}}
    where natdecassed in ('17', '18') and lieuplac is null
)

select record_no, variable, value from offending
