-- The administrative nature (NATPDECADM, AUTREDA) filled, other than "ne sait pas", on a judicial
-- decision (DECISION = 2).
with r as (
    select * from {{records}} where decision = '2'
),

offending as (
    select record_no, 'NATPDECADM' as variable, natpdecadm as value
    from r
    where natpdecadm is not null and natpdecadm <> '99'
    union all
    select record_no, 'AUTREDA' as variable, null::varchar as value
    from r
    where autreda is not null
)

select record_no, variable, value from offending
