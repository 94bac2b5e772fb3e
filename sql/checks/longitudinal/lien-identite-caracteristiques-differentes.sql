-- An accepted link whose record differs in SEXE, ANAIS or MNAIS from the last record known under
-- its previous number (up to the link's year), both values known: one row per variable.
with previous_records as (
  select b.numanonym as number, b.annee, b.record_no, b.sexe, b.anais, b.mnais
  from {{base_annee_raw}} b
  join (select distinct previous, annee from {{identity_links}} where refusal is null) l
    on l.previous = b.numanonym and b.annee <= l.annee
),
links as (
  select l.file_id, l.departement, l.annee, l.record_no, l.sexe, l.anais, l.mnais,
    arg_max(p.sexe, (p.annee, p.record_no)) filter (where p.sexe in ('1', '2')) as previous_sexe,
    arg_max(p.anais, (p.annee, p.record_no)) filter (where p.anais <> 9999) as previous_anais,
    arg_max(p.mnais, (p.annee, p.record_no)) filter (where p.mnais between 1 and 12) as previous_mnais
  from {{identity_links}} l
  join previous_records p on p.number = l.previous and p.annee <= l.annee
  where l.refusal is null
  group by l.file_id, l.departement, l.annee, l.record_no, l.sexe, l.anais, l.mnais
)
select file_id, departement, annee, record_no, 'SEXE' as variable, sexe as value
from links where sexe in ('1', '2') and previous_sexe is not null and sexe <> previous_sexe
union all
select file_id, departement, annee, record_no, 'ANAIS', cast(anais as varchar)
from links where anais <> 9999 and previous_anais is not null and anais <> previous_anais
union all
select file_id, departement, annee, record_no, 'MNAIS', cast(mnais as varchar)
from links where mnais between 1 and 12 and previous_mnais is not null and mnais <> previous_mnais
