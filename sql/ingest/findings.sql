-- Every finding of one file, in the columns of the contract table `findings`.
with raised as (
    select record_no, rule, variable, value from {{value_findings}}
    union all
    select record_no, rule, variable, value from {{check_findings}}
)

select
    $file_id::varchar as file_id,
    $departement::varchar as departement,
    $annee::smallint as annee,
    raised.record_no,
    raised.rule,
    -- a rule missing from the catalogue is a programming error: fail loudly, never drop it
    coalesce(rules.severity, error('rule not in the catalogue: ' || raised.rule)) as severity,
    raised.variable,
    raised.value,
    rules.message
from raised
left join {{rules}} as rules on rules.code = raised.rule
order by raised.record_no nulls first, raised.rule, raised.variable
