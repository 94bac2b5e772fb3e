-- A date (any date or year-month variable) after the file's export date: the earliest day the
-- written date can mean is after $datexport (nothing when $datexport is NULL).
-- Generated from the dictionary: keep in step.
with offending as (
    select record_no, 'DATIP' as variable, case datip_precision when 'year' then strftime(datip, '%Y') when 'month' then strftime(datip, '%Y-%m') else strftime(datip, '%Y-%m-%d') end as value
    from {{records}}
    where datip is not null
        and case datip_precision when 'year' then date_trunc('year', datip) when 'month' then date_trunc('month', datip) else datip end
            > cast($datexport as date)
    union all
    select record_no, 'DATSIGN' as variable, case datsign_precision when 'year' then strftime(datsign, '%Y') when 'month' then strftime(datsign, '%Y-%m') else strftime(datsign, '%Y-%m-%d') end as value
    from {{records}}
    where datsign is not null
        and case datsign_precision when 'year' then date_trunc('year', datsign) when 'month' then date_trunc('month', datsign) else datsign end
            > cast($datexport as date)
    union all
    select record_no, 'DATJE' as variable, case datje_precision when 'year' then strftime(datje, '%Y') when 'month' then strftime(datje, '%Y-%m') else strftime(datje, '%Y-%m-%d') end as value
    from {{records}}
    where datje is not null
        and case datje_precision when 'year' then date_trunc('year', datje) when 'month' then date_trunc('month', datje) else datje end
            > cast($datexport as date)
    union all
    select record_no, 'DATDECAP' as variable, case datdecap_precision when 'year' then strftime(datdecap, '%Y') when 'month' then strftime(datdecap, '%Y-%m') else strftime(datdecap, '%Y-%m-%d') end as value
    from {{records}}
    where datdecap is not null
        and case datdecap_precision when 'year' then date_trunc('year', datdecap) when 'month' then date_trunc('month', datdecap) else datdecap end
            > cast($datexport as date)
    union all
    select record_no, 'DATDCMERE' as variable, case datdcmere_precision when 'year' then strftime(datdcmere, '%Y') when 'month' then strftime(datdcmere, '%Y-%m') else strftime(datdcmere, '%Y-%m-%d') end as value
    from {{records}}
    where datdcmere is not null
        and case datdcmere_precision when 'year' then date_trunc('year', datdcmere) when 'month' then date_trunc('month', datdcmere) else datdcmere end
            > cast($datexport as date)
    union all
    select record_no, 'DATDCPERE' as variable, case datdcpere_precision when 'year' then strftime(datdcpere, '%Y') when 'month' then strftime(datdcpere, '%Y-%m') else strftime(datdcpere, '%Y-%m-%d') end as value
    from {{records}}
    where datdcpere is not null
        and case datdcpere_precision when 'year' then date_trunc('year', datdcpere) when 'month' then date_trunc('month', datdcpere) else datdcpere end
            > cast($datexport as date)
    union all
    select record_no, 'NOTIFEVAL' as variable, case notifeval_precision when 'year' then strftime(notifeval, '%Y') when 'month' then strftime(notifeval, '%Y-%m') else strftime(notifeval, '%Y-%m-%d') end as value
    from {{records}}
    where notifeval is not null
        and case notifeval_precision when 'year' then date_trunc('year', notifeval) when 'month' then date_trunc('month', notifeval) else notifeval end
            > cast($datexport as date)
    union all
    select record_no, 'FINEVAL' as variable, case fineval_precision when 'year' then strftime(fineval, '%Y') when 'month' then strftime(fineval, '%Y-%m') else strftime(fineval, '%Y-%m-%d') end as value
    from {{records}}
    where fineval is not null
        and case fineval_precision when 'year' then date_trunc('year', fineval) when 'month' then date_trunc('month', fineval) else fineval end
            > cast($datexport as date)
    union all
    select record_no, 'DATDECPE' as variable, case datdecpe_precision when 'year' then strftime(datdecpe, '%Y') when 'month' then strftime(datdecpe, '%Y-%m') else strftime(datdecpe, '%Y-%m-%d') end as value
    from {{records}}
    where datdecpe is not null
        and case datdecpe_precision when 'year' then date_trunc('year', datdecpe) when 'month' then date_trunc('month', datdecpe) else datdecpe end
            > cast($datexport as date)
    union all
    select record_no, 'DATPPE' as variable, case datppe_precision when 'year' then strftime(datppe, '%Y') when 'month' then strftime(datppe, '%Y-%m') else strftime(datppe, '%Y-%m-%d') end as value
    from {{records}}
    where datppe is not null
        and case datppe_precision when 'year' then date_trunc('year', datppe) when 'month' then date_trunc('month', datppe) else datppe end
            > cast($datexport as date)
    union all
    select record_no, 'DATDEB' as variable, case datdeb_precision when 'year' then strftime(datdeb, '%Y') when 'month' then strftime(datdeb, '%Y-%m') else strftime(datdeb, '%Y-%m-%d') end as value
    from {{records}}
    where datdeb is not null
        and case datdeb_precision when 'year' then date_trunc('year', datdeb) when 'month' then date_trunc('month', datdeb) else datdeb end
            > cast($datexport as date)
    union all
    select record_no, 'DATFIN' as variable, case datfin_precision when 'year' then strftime(datfin, '%Y') when 'month' then strftime(datfin, '%Y-%m') else strftime(datfin, '%Y-%m-%d') end as value
    from {{records}}
    where datfin is not null
        and case datfin_precision when 'year' then date_trunc('year', datfin) when 'month' then date_trunc('month', datfin) else datfin end
            > cast($datexport as date)
    union all
    select record_no, 'DATDECMIN' as variable, case datdecmin_precision when 'year' then strftime(datdecmin, '%Y') when 'month' then strftime(datdecmin, '%Y-%m') else strftime(datdecmin, '%Y-%m-%d') end as value
    from {{records}}
    where datdecmin is not null
        and case datdecmin_precision when 'year' then date_trunc('year', datdecmin) when 'month' then date_trunc('month', datdecmin) else datdecmin end
            > cast($datexport as date)
)

select record_no, variable, value from offending
