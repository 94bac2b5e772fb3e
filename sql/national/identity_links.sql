-- Every NUMANONYMANT → NUMANONYM link carried by a record (definitive numbers), with the reason
-- it is refused (domain §5), or NULL when it is accepted.
with links as (
  select file_id, departement, annee, record_no, numanonymant as previous, numanonym as current,
    sexe, anais, mnais
  from {{base_annee_raw}}
  where numanonymant is not null and numanonym is not null and numanonymant <> numanonym
),
file_numbers as (
  select distinct file_id, numanonym as number
  from {{base_annee_raw}}
  where numanonym is not null
),
first_as_current as (
  select numanonym as number, min(annee) as first_annee
  from {{base_annee_raw}}
  where numanonym is not null
  group by numanonym
),
fan_out as (
  select annee, previous, count(distinct current) as n_current
  from links
  group by annee, previous
),
fan_in as (
  select annee, current, count(distinct previous) as n_previous
  from links
  group by annee, current
)
select l.file_id, l.departement, l.annee, l.record_no, l.previous, l.current, l.sexe, l.anais, l.mnais,
  case
    when same_file.number is not null then 'lien-identite-numeros-meme-fichier'
    when fan_out.n_current > 1 then 'lien-identite-anterieur-multiple'
    when fan_in.n_previous > 1 and history.first_annee < l.annee then 'lien-identite-courant-multiple'
  end as refusal
from links l
left join file_numbers same_file on same_file.file_id = l.file_id and same_file.number = l.previous
left join fan_out on fan_out.annee = l.annee and fan_out.previous = l.previous
left join fan_in on fan_in.annee = l.annee and fan_in.current = l.current
left join first_as_current history on history.number = l.current
