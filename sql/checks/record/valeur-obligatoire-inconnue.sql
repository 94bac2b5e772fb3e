-- Mandatory values coded "ne sait pas": DATDECPE or DATDEB unknown (9999-99-99) on any event,
-- DATFIN unknown or MOTFININT = 9 on an end (TYPEV = 3).
with offending as (
    select record_no, 'DATDECPE' as variable, '9999-99-99' as value
    from {{records}}
    where datdecpe_precision = 'unknown'
    union all
    select record_no, 'DATDEB' as variable, '9999-99-99' as value
    from {{records}}
    where datdeb_precision = 'unknown'
    union all
    select record_no, 'DATFIN' as variable, '9999-99-99' as value
    from {{records}}
    where typev = '3' and datfin_precision = 'unknown'
    union all
    select record_no, 'MOTFININT' as variable, motfinint as value
    from {{records}}
    where typev = '3' and motfinint = '9'
)

select record_no, variable, value from offending
