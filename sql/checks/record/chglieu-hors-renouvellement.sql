-- Renewal-only variables (typev 2 in variables.json: CHGLIEU) filled on an event that is not a
-- renewal (TYPEV <> 2). Generated from the dictionary: keep in step.
with r as (
    select * from {{records}} where typev <> '2'
),

offending as (
    select record_no, 'CHGLIEU' as variable, chglieu as value
    from r
    where chglieu is not null and chglieu <> '9'
)

select record_no, variable, value from offending
