-- Minors-only natures for a young adult (18 or more at the decision date, see
-- code-reserve-jeune-majeur): NATPDECADM 10-16 or 19, NATDECASSED 11, 14-19, 22 or 23 (domain.md §6).
with aged as (
    select r.*, a.age_at_decision as age
    from {{records}} as r
    inner join {{record_ages}} as a using (record_no)
    where a.age_at_decision is not null
),

offending as (
    select record_no, 'NATPDECADM' as variable, natpdecadm as value
    from aged
    where age >= 18 and natpdecadm in ('10', '11', '12', '13', '14', '15', '16', '19')
    union all
    select record_no, 'NATDECASSED' as variable, natdecassed as value
    from aged
    where age >= 18 and natdecassed in ('11', '14', '15', '16', '17', '18', '19', '22', '23')
)

select record_no, variable, value from offending
