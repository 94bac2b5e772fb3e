-- Variables filled, other than "ne sait pas", when the variable they depend on is known (not NULL,
-- not "ne sait pas") and says they do not apply: TRANSIP (TRAITINFO 1, 2), DATSIGN and MOTIFSIG
-- (TRAITINFO 3), DATJE (TRAITINFO 4), MOTIFML (MOTFININT 1, 2), DATDECMIN (MOTIFML 18), DATPPE
-- (PROJET 2), DATDECAP (not with DECAP 6 "pas de décision"), MODACC (SCODTCOM 1), NIVSCO (not with
-- SCODTCOM 1 unless ETABSCOSPE 2), SCOCLASPE (SCODTCOM 2), TYPCLASSPE (SCOCLASPE 2), TYPETABSPE
-- (ETABSCOSPE 2, as the label says), ORIENTEFF (ORIENTDEC 2). A NULL condition variable makes the
-- comparison NULL: not flagged.
with r as (
    select * from {{records}}
),

offending as (
    select record_no, 'TRANSIP' as variable, transip as value
    from r
    where (traitinfo <> '9' and traitinfo not in ('1', '2')) and transip is not null and transip <> '999'
    union all
    select record_no, 'DATSIGN' as variable, case datsign_precision when 'year' then strftime(datsign, '%Y') when 'month' then strftime(datsign, '%Y-%m') else strftime(datsign, '%Y-%m-%d') end as value
    from r
    where (traitinfo <> '9' and traitinfo <> '3') and datsign is not null
    union all
    select record_no, 'MOTIFSIG' as variable, motifsig as value
    from r
    where (traitinfo <> '9' and traitinfo <> '3') and motifsig is not null and motifsig <> '9'
    union all
    select record_no, 'DATJE' as variable, case datje_precision when 'year' then strftime(datje, '%Y') when 'month' then strftime(datje, '%Y-%m') else strftime(datje, '%Y-%m-%d') end as value
    from r
    where (traitinfo <> '9' and traitinfo <> '4') and datje is not null
    union all
    select record_no, 'MOTIFML' as variable, motifml as value
    from r
    where (motfinint <> '9' and motfinint not in ('1', '2')) and motifml is not null and motifml <> '99'
    union all
    select record_no, 'DATDECMIN' as variable, case datdecmin_precision when 'year' then strftime(datdecmin, '%Y') when 'month' then strftime(datdecmin, '%Y-%m') else strftime(datdecmin, '%Y-%m-%d') end as value
    from r
    where (motifml <> '99' and motifml <> '18') and datdecmin is not null
    union all
    select record_no, 'DATPPE' as variable, case datppe_precision when 'year' then strftime(datppe, '%Y') when 'month' then strftime(datppe, '%Y-%m') else strftime(datppe, '%Y-%m-%d') end as value
    from r
    where (projet <> '9' and projet <> '2') and datppe is not null
    union all
    select record_no, 'DATDECAP' as variable, case datdecap_precision when 'year' then strftime(datdecap, '%Y') when 'month' then strftime(datdecap, '%Y-%m') else strftime(datdecap, '%Y-%m-%d') end as value
    from r
    where (decap = '6') and datdecap is not null
    union all
    select record_no, 'MODACC' as variable, modacc as value
    from r
    where (scodtcom <> '9' and scodtcom <> '1') and modacc is not null and modacc <> '9'
    union all
    select record_no, 'NIVSCO' as variable, nivsco as value
    from r
    where (scodtcom = '1' and coalesce(etabscospe, '') <> '2') and nivsco is not null and nivsco <> '999'
    union all
    select record_no, 'SCOCLASPE' as variable, scoclaspe as value
    from r
    where (scodtcom <> '9' and scodtcom <> '2') and scoclaspe is not null and scoclaspe <> '9'
    union all
    select record_no, 'TYPCLASSPE' as variable, typclasspe as value
    from r
    where (scoclaspe <> '9' and scoclaspe <> '2') and typclasspe is not null and typclasspe <> '99'
    union all
    select record_no, 'TYPETABSPE' as variable, typetabspe as value
    from r
    where (etabscospe <> '9' and etabscospe <> '2') and typetabspe is not null and typetabspe <> '999'
    union all
    select record_no, 'ORIENTEFF' as variable, orienteff as value
    from r
    where (orientdec <> '9' and orientdec <> '2') and orienteff is not null and orienteff <> '9'
)

select record_no, variable, value from offending
