-- One fingerprint per département of everything its Base Département (events), periods and
-- measures are computed from: its kept records (file, record number, child) and the birth date
-- of each of its children, with $code_version (the product version and the text of the SQL
-- files concerned). Two builds with the same fingerprint for a département give it the same rows.
with records as (
    select
        departement,
        md5(string_agg(file_id || ':' || record_no || ':' || coalesce(child_id, '-'), ',' order by file_id, record_no)) as records_hash
    from {{base_annee}}
    group by departement
),

departement_children as (
    select distinct departement, child_id
    from {{base_annee}}
    where child_id is not null
),

births as (
    select
        d.departement,
        md5(string_agg(d.child_id || ':' || coalesce(cast(c.birth_date as varchar), '-'), ',' order by d.child_id)) as births_hash
    from departement_children as d
    inner join {{children}} as c on c.child_id = d.child_id
    group by d.departement
)

select
    r.departement,
    md5($code_version || '|' || r.records_hash || '|' || coalesce(b.births_hash, '')) as fingerprint
from records as r
left join births as b on b.departement = r.departement
order by r.departement
