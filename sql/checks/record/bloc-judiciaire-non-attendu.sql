-- Variables of the judicial block filled, other than "ne sait pas", outside their condition
-- (variables.json): TYPDECJUD only for NATDECASSED 11, 14, 15, 16, 19, 21, 24; NATDECPLAC and
-- INSTITPLAC only for 17, 18, 21; LIEUPLAC, PLACMOD, AUTRLIEUAR only for 17, 18, 21, 22, 23.
-- Flagged on an administrative decision, or when NATDECASSED is known and outside the list.
with r as (
    select * from {{records}}
),

offending as (
    select record_no, 'TYPDECJUD' as variable, typdecjud as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('11', '14', '15', '16', '19', '21', '24'))) and typdecjud is not null and typdecjud <> '99'
    union all
    select record_no, 'NATDECPLAC' as variable, natdecplac as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('17', '18', '21'))) and natdecplac is not null and natdecplac <> '9'
    union all
    select record_no, 'INSTITPLAC' as variable, institplac as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('17', '18', '21'))) and institplac is not null and institplac <> '9'
    union all
    select record_no, 'LIEUPLAC' as variable, lieuplac as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('17', '18', '21', '22', '23'))) and lieuplac is not null and lieuplac <> '99'
    union all
    select record_no, 'PLACMOD' as variable, placmod as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('17', '18', '21', '22', '23'))) and placmod is not null and placmod <> '9'
    union all
    select record_no, 'AUTRLIEUAR' as variable, autrlieuar as value
    from r
    where (decision = '1' or (natdecassed <> '99' and natdecassed not in ('17', '18', '21', '22', '23'))) and autrlieuar is not null and autrlieuar <> '9'
)

select record_no, variable, value from offending
