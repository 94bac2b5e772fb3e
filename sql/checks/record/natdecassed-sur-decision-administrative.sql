-- The judicial nature (NATDECASSED, AUTREDJ) filled, other than "ne sait pas", on an
-- administrative decision (DECISION = 1).
with r as (
    select * from {{records}} where decision = '1'
),

offending as (
    select record_no, 'NATDECASSED' as variable, natdecassed as value
    from r
    where natdecassed is not null and natdecassed <> '99'
    union all
    select record_no, 'AUTREDJ' as variable, null::varchar as value
    from r
    where autredj is not null
)

select record_no, variable, value from offending
