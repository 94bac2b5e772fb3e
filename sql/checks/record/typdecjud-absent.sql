-- TYPDECJUD absent (NULL) for a judicial milieu-ouvert or investigation measure (NATDECASSED 11, 14,
-- 15, 16, 19, 24; 21 "autre" is not always one, so it is not required there).
with offending as (
    select record_no, 'TYPDECJUD' as variable, null::varchar as value
    from {{records}}
    where natdecassed in ('11', '14', '15', '16', '19', '24') and typdecjud is null
)

select record_no, variable, value from offending
