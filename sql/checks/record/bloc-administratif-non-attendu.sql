-- Variables of the administrative block filled, other than "ne sait pas", outside their condition
-- (variables.json): TYPINTERDOM only for NATPDECADM 10, 18, 20; LIEUACC, ACCMOD, AUTRLIEUACC only
-- for NATPDECADM 11-16, 18, 19, 21. Flagged on a judicial decision, or when NATPDECADM is known
-- (not NULL, not 99) and outside the list; an unknown nature is given the benefit of the doubt.
with r as (
    select * from {{records}}
),

offending as (
    select record_no, 'TYPINTERDOM' as variable, typinterdom as value
    from r
    where (decision = '2' or (natpdecadm <> '99' and natpdecadm not in ('10', '18', '20'))) and typinterdom is not null and typinterdom <> '9'
    union all
    select record_no, 'LIEUACC' as variable, lieuacc as value
    from r
    where (decision = '2' or (natpdecadm <> '99' and natpdecadm not in ('11', '12', '13', '14', '15', '16', '18', '19', '21'))) and lieuacc is not null and lieuacc <> '99'
    union all
    select record_no, 'ACCMOD' as variable, accmod as value
    from r
    where (decision = '2' or (natpdecadm <> '99' and natpdecadm not in ('11', '12', '13', '14', '15', '16', '18', '19', '21'))) and accmod is not null and accmod <> '9'
    union all
    select record_no, 'AUTRLIEUACC' as variable, autrlieuacc as value
    from r
    where (decision = '2' or (natpdecadm <> '99' and natpdecadm not in ('11', '12', '13', '14', '15', '16', '18', '19', '21'))) and autrlieuacc is not null and autrlieuacc <> '9'
)

select record_no, variable, value from offending
