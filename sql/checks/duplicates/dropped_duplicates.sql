-- Duplicates within one file, one copy kept (the lowest record_no), the others dropped:
--   doublon-identique: every typed column equal (NULLs equal);
--   doublon-administratif: among the remaining records with DECISION = 1, same NUMANONYM, TYPEV,
--     NATPDECADM, DATDECPE (date and precision), LIEUACC, TYPINTERDOM;
--   doublon-judiciaire: among the remaining records with DECISION = 2, same NUMANONYM, TYPEV,
--     NATDECASSED, DATDECPE, LIEUPLAC, TYPDECJUD.
-- The nature and a known DATDECPE are required for the last two (two events with an unknown
-- decision date may be two measures).
with hashed as (
    select record_no, hash(*columns(* exclude (record_no))) as row_hash
    from {{records}}
),

-- Records sharing their hash with another: identical copies, or (rarely) a hash collision,
-- settled by comparing the whole rows below.
candidates as (
    select record_no
    from hashed
    qualify count(*) over (partition by row_hash) > 1
),

identical as (
    select
        r.record_no,
        min(r.record_no) over (partition by struct_pack(*columns(r.* exclude (record_no)))) as kept_record_no
    from {{records}} as r
    semi join candidates using (record_no)
),

remaining as (
    select r.*
    from {{records}} as r
    anti join (select record_no from identical where record_no <> kept_record_no) as d using (record_no)
),

administrative as (
    select
        record_no,
        min(record_no) over (
            partition by numanonym, typev, natpdecadm, datdecpe, datdecpe_precision, lieuacc, typinterdom
        ) as kept_record_no
    from remaining
    where decision = '1' and natpdecadm is not null and datdecpe is not null
),

judicial as (
    select
        record_no,
        min(record_no) over (
            partition by numanonym, typev, natdecassed, datdecpe, datdecpe_precision, lieuplac, typdecjud
        ) as kept_record_no
    from remaining
    where decision = '2' and natdecassed is not null and datdecpe is not null
),

dropped as (
    select record_no, 'doublon-identique' as rule, kept_record_no from identical
    union all
    select record_no, 'doublon-administratif' as rule, kept_record_no from administrative
    union all
    select record_no, 'doublon-judiciaire' as rule, kept_record_no from judicial
)

select record_no, rule, kept_record_no
from dropped
where record_no <> kept_record_no
order by record_no
