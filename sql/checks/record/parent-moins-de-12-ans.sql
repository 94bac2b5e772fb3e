-- A parent or adult (ANSMERE, ANSPERE, ANSA1, ANSA2) born less than 12 years before the child
-- (same year included; born after the child is parent-ne-apres-enfant).
with r as (
    select * from {{records}} where anais is not null and anais <> 9999
),

offending as (
    select record_no, 'ANSMERE' as variable, cast(ansmere as varchar) as value
    from r
    where ansmere is not null and ansmere <> 9999 and ansmere <= anais and anais - ansmere < 12
    union all
    select record_no, 'ANSPERE' as variable, cast(anspere as varchar) as value
    from r
    where anspere is not null and anspere <> 9999 and anspere <= anais and anais - anspere < 12
    union all
    select record_no, 'ANSA1' as variable, cast(ansa1 as varchar) as value
    from r
    where ansa1 is not null and ansa1 <> 9999 and ansa1 <= anais and anais - ansa1 < 12
    union all
    select record_no, 'ANSA2' as variable, cast(ansa2 as varchar) as value
    from r
    where ansa2 is not null and ansa2 <> 9999 and ansa2 <= anais and anais - ansa2 < 12
)

select record_no, variable, value from offending
