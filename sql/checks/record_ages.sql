-- Each record's age in whole years at its decision (DATDECPE, else DATDEB) and at its event
-- (DATFIN for an end, else the decision), birth on the 1st of MNAIS (1 July when unknown); no
-- age when ANAIS or the date is unknown. The age-based record checks share it.
with dated as (
    select
        record_no,
        case
            when anais is not null and anais <> 9999
                then make_date(anais, case when mnais between 1 and 12 then mnais else 7 end, 1)
        end as birth_date,
        coalesce(datdecpe, datdeb) as decision_date,
        case when typev = '3' and datfin is not null then datfin else coalesce(datdecpe, datdeb) end as event_date
    from {{records}}
)

select
    record_no,
    birth_date,
    decision_date,
    event_date,
    date_sub('year', birth_date, decision_date) as age_at_decision,
    date_sub('year', birth_date, event_date) as age_at_event
from dated
