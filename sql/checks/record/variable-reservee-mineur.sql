-- Minors-only variables (applies_to "minor" in variables.json) filled, other than "ne sait pas",
-- for a person aged 18 or more at the event date (DATFIN for an end, else DATDECPE, else DATDEB;
-- birth on the 1st of MNAIS, 1 July when unknown). Generated from the dictionary: keep in step.
with aged as (
    select r.*, a.age_at_event as age
    from {{records}} as r
    inner join {{record_ages}} as a using (record_no)
    where a.age_at_event is not null
),

concerned as materialized (
    select * from aged where age >= 18
),

offending as (
    select record_no, 'MODACC' as variable, modacc as value
    from concerned
    where modacc is not null and modacc <> '9'
    union all
    select record_no, 'COMPOMENAG' as variable, compomenag as value
    from concerned
    where compomenag is not null and compomenag <> '99'
    union all
    select record_no, 'AUTREHEBER' as variable, autreheber as value
    from concerned
    where autreheber is not null and autreheber <> '9'
    union all
    select record_no, 'NBFRAT' as variable, cast(nbfrat as varchar) as value
    from concerned
    where nbfrat is not null and nbfrat <> 99
    union all
    select record_no, 'TITAP' as variable, titap as value
    from concerned
    where titap is not null and titap <> '99'
    union all
    select record_no, 'DECAP' as variable, decap as value
    from concerned
    where decap is not null and decap <> '9'
    union all
    select record_no, 'DATDECAP' as variable, case datdecap_precision when 'year' then strftime(datdecap, '%Y') when 'month' then strftime(datdecap, '%Y-%m') else strftime(datdecap, '%Y-%m-%d') end as value
    from concerned
    where datdecap is not null
    union all
    select record_no, 'LIENA1' as variable, liena1 as value
    from concerned
    where liena1 is not null and liena1 <> '9'
    union all
    select record_no, 'LIENA2' as variable, liena2 as value
    from concerned
    where liena2 is not null and liena2 <> '9'
    union all
    select record_no, 'SEXA1' as variable, sexa1 as value
    from concerned
    where sexa1 is not null and sexa1 <> '9'
    union all
    select record_no, 'SEXA2' as variable, sexa2 as value
    from concerned
    where sexa2 is not null and sexa2 <> '9'
    union all
    select record_no, 'ANSA1' as variable, cast(ansa1 as varchar) as value
    from concerned
    where ansa1 is not null and ansa1 <> 9999
    union all
    select record_no, 'ANSA2' as variable, cast(ansa2 as varchar) as value
    from concerned
    where ansa2 is not null and ansa2 <> 9999
    union all
    select record_no, 'EMPLA1' as variable, empla1 as value
    from concerned
    where empla1 is not null and empla1 <> '99'
    union all
    select record_no, 'EMPLA2' as variable, empla2 as value
    from concerned
    where empla2 is not null and empla2 <> '99'
    union all
    select record_no, 'CSPA1' as variable, cspa1 as value
    from concerned
    where cspa1 is not null and cspa1 <> '9'
    union all
    select record_no, 'CSPA2' as variable, cspa2 as value
    from concerned
    where cspa2 is not null and cspa2 <> '9'
    union all
    select record_no, 'MEREINC' as variable, mereinc as value
    from concerned
    where mereinc is not null and mereinc <> '9'
    union all
    select record_no, 'PEREINC' as variable, pereinc as value
    from concerned
    where pereinc is not null and pereinc <> '9'
    union all
    select record_no, 'ANSMERE' as variable, cast(ansmere as varchar) as value
    from concerned
    where ansmere is not null and ansmere <> 9999
    union all
    select record_no, 'ANSPERE' as variable, cast(anspere as varchar) as value
    from concerned
    where anspere is not null and anspere <> 9999
    union all
    select record_no, 'DCMERE' as variable, dcmere as value
    from concerned
    where dcmere is not null and dcmere <> '9'
    union all
    select record_no, 'DCPERE' as variable, dcpere as value
    from concerned
    where dcpere is not null and dcpere <> '9'
    union all
    select record_no, 'DATDCMERE' as variable, case datdcmere_precision when 'year' then strftime(datdcmere, '%Y') when 'month' then strftime(datdcmere, '%Y-%m') else strftime(datdcmere, '%Y-%m-%d') end as value
    from concerned
    where datdcmere is not null
    union all
    select record_no, 'DATDCPERE' as variable, case datdcpere_precision when 'year' then strftime(datdcpere, '%Y') when 'month' then strftime(datdcpere, '%Y-%m') else strftime(datdcpere, '%Y-%m-%d') end as value
    from concerned
    where datdcpere is not null
    union all
    select record_no, 'CONDADD' as variable, condadd as value
    from concerned
    where condadd is not null and condadd <> '9'
    union all
    select record_no, 'DEFINTEL' as variable, defintel as value
    from concerned
    where defintel is not null and defintel <> '9'
    union all
    select record_no, 'CONFL' as variable, confl as value
    from concerned
    where confl is not null and confl <> '9'
    union all
    select record_no, 'VIOLFAM' as variable, violfam as value
    from concerned
    where violfam is not null and violfam <> '9'
    union all
    select record_no, 'SANTE' as variable, sante as value
    from concerned
    where sante is not null and sante <> '9'
    union all
    select record_no, 'SECURITE' as variable, securite as value
    from concerned
    where securite is not null and securite <> '9'
    union all
    select record_no, 'MORALITE' as variable, moralite as value
    from concerned
    where moralite is not null and moralite <> '9'
    union all
    select record_no, 'CONDEDUC' as variable, condeduc as value
    from concerned
    where condeduc is not null and condeduc <> '9'
    union all
    select record_no, 'CONDEDEV' as variable, condedev as value
    from concerned
    where condedev is not null and condedev <> '9'
    union all
    select record_no, 'VIOLSEX' as variable, violsex as value
    from concerned
    where violsex is not null and violsex <> '9'
    union all
    select record_no, 'VIOLPHYS' as variable, violphys as value
    from concerned
    where violphys is not null and violphys <> '9'
    union all
    select record_no, 'NEGLIG' as variable, neglig as value
    from concerned
    where neglig is not null and neglig <> '9'
    union all
    select record_no, 'VIOLPSY' as variable, violpsy as value
    from concerned
    where violpsy is not null and violpsy <> '9'
    union all
    select record_no, 'VIOLCONJ' as variable, violconj as value
    from concerned
    where violconj is not null and violconj <> '9'
    union all
    select record_no, 'DANGER' as variable, danger as value
    from concerned
    where danger is not null and danger <> '9'
    union all
    select record_no, 'MINA' as variable, mina as value
    from concerned
    where mina is not null and mina <> '9'
    union all
    select record_no, 'PROJET' as variable, projet as value
    from concerned
    where projet is not null and projet <> '9'
    union all
    select record_no, 'DATPPE' as variable, case datppe_precision when 'year' then strftime(datppe, '%Y') when 'month' then strftime(datppe, '%Y-%m') else strftime(datppe, '%Y-%m-%d') end as value
    from concerned
    where datppe is not null
    union all
    select record_no, 'CHGLIEU' as variable, chglieu as value
    from concerned
    where chglieu is not null and chglieu <> '9'
    union all
    select record_no, 'NBCHGLIEU' as variable, cast(nbchglieu as varchar) as value
    from concerned
    where nbchglieu is not null and nbchglieu <> 99
)

select record_no, variable, value from offending
