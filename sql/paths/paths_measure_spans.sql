-- The measures as spans for the paths (domain §8), one row per measure whose beginning is known.
-- Beginning: the earlier known of the decision and start dates, as for the stock (§7), so a child
-- counted in a stock is inside one of its spells. End: the recorded or imputed end; a measure
-- still open at the reference date ($reference_date, 31 December of the latest file year), or
-- whose imputed end lies beyond it, runs to the reference date and is marked open.
-- Accueil (placement out of the family home): the DREES "accueil" block (pupille, accueils
-- provisoires, placement ASE, DAP, tutelle, placement direct) and the administrative accueils the
-- DREES leaves out of its perimeter but that are out-of-home placements: NATPDECADM 16 (accueil
-- parent-enfant) and 19 (accueil durable et bénévole chez un tiers). Accueil de jour (11), AEMO
-- avec hébergement and AED avec hébergement stay actions at home.
with measures as (
  select measure_id, child_id, departement, drees_category, decision, nature, is_left_censored,
    least(decision_date, start_date) as begin_date,
    end_date
  from {{measures}}
  where child_id is not null
),
bounded as (
  select *,
    end_date is null or end_date > $reference_date::date as is_open,
    least(coalesce(end_date, $reference_date::date), $reference_date::date) as bounded_end
  from measures
  where begin_date is not null and begin_date <= $reference_date::date
)
select measure_id, child_id, departement, drees_category, decision, nature, begin_date,
  greatest(begin_date, bounded_end) as end_date,
  is_open,
  coalesce(is_left_censored, false) as is_left_censored,
  drees_category in ('pupille', 'accueil_provisoire_mineur', 'accueil_provisoire_jeune_majeur',
      'placement_ase', 'delegation_autorite_parentale', 'tutelle', 'placement_direct')
    or (decision = '1' and nature in ('16', '19')) as is_accueil
from bounded
