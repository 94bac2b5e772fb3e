-- Young-adult codes for a minor: NATPDECADM 20 or 21, NATDECASSED 24, TYPINTERDOM 10 while the
-- person is under 18 at the decision date (DATDECPE, else DATDEB; birth on the 1st of MNAIS,
-- 1 July when unknown).
with aged as (
    select r.*, a.age_at_decision as age
    from {{records}} as r
    inner join {{record_ages}} as a using (record_no)
    where a.age_at_decision is not null
),

offending as (
    select record_no, 'NATPDECADM' as variable, natpdecadm as value
    from aged
    where age < 18 and natpdecadm in ('20', '21')
    union all
    select record_no, 'NATDECASSED' as variable, natdecassed as value
    from aged
    where age < 18 and natdecassed = '24'
    union all
    select record_no, 'TYPINTERDOM' as variable, typinterdom as value
    from aged
    where age < 18 and typinterdom = '10'
)

select record_no, variable, value from offending
