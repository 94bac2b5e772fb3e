/**
 * Longitudinal rules (domain §4, §6): found once the years of a département are merged.
 * Checks: sql/checks/longitudinal/<code>.sql, run by src/national/findings.ts.
 */
import { defineRules } from '../types.js';

export const LONGITUDINAL_RULES = defineRules([
  {
    code: 'fin-sans-ouverture',
    family: 'longitudinal',
    severity: 'info',
    messageFr:
      "Fin de mesure sans ouverture reçue : aucun enregistrement de début ou de renouvellement (TYPEV 1 ou 2) de même clé (DECISION, nature, DATDECPE) n'a été reçu, quelle que soit l'année. La période est reconstituée à partir de la fin (mesure commencée avant le premier fichier ou une année non transmise).",
    fixFr:
      "Vérifier que la décision a bien été transmise l'année où elle a été prise, et que la ligne de fin reprend à l'identique DATDECPE, DECISION, DATDEB et la nature de la décision.",
    variables: ['TYPEV', 'DATDECPE', 'DECISION', 'NATPDECADM', 'NATDECASSED'],
  },
  {
    code: 'fin-rattachee-periode-ouverte',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      "Fin de mesure sans date de décision (DATDECPE) et sans DATDEB correspondante : elle a été rattachée à la dernière mesure ouverte de même nature de l'enfant commencée avant la date de fin.",
    fixFr: 'Sur une ligne de fin (TYPEV=3), reprendre la DATDECPE et la DATDEB de la mesure qu’elle clôt.',
    variables: ['DATDECPE', 'DATDEB', 'DATFIN'],
  },
  {
    code: 'fin-sans-correspondance',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      "Fin de mesure sans date de décision (DATDECPE) qui ne correspond à aucune mesure de l'enfant : elle forme une période à elle seule (censurée à gauche si DATDEB est aussi inconnue).",
    fixFr: 'Sur une ligne de fin (TYPEV=3), reprendre la DATDECPE et la DATDEB de la mesure qu’elle clôt.',
    variables: ['DATDECPE', 'DATDEB'],
  },
  {
    code: 'renouvellement-sans-mesure',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      'Renouvellement (TYPEV=2) sans mesure antérieure de même nature pour cet enfant dans les fichiers reçus : la mesure est considérée comme commencée avant les données (censurée à gauche).',
    fixFr:
      'Vérifier que la décision initiale a été transmise (TYPEV=1) avec la même DECISION et la même nature.',
    variables: ['TYPEV', 'DECISION', 'NATPDECADM', 'NATDECASSED'],
  },
  {
    code: 'mesure-sans-evenement-au-dela-echeance',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      'Mesure toujours ouverte sans aucun événement depuis plus que sa durée légale (2 ans pour une mesure judiciaire, 1 an pour une prestation administrative) : une fin ou un renouvellement semble manquer.',
    fixFr:
      'Transmettre la fin (TYPEV=3) ou le renouvellement (TYPEV=2) de la mesure dans le fichier de l’année où il a eu lieu.',
    variables: ['TYPEV', 'DATDECPE', 'DATDEB'],
  },
  {
    code: 'enfant-doublon-suppose',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      "Doublon d'enfant suspecté : l'historique de mesures de cet enfant continue celui d'un autre numéro (même sexe, même mois et année de naissance, même mesure) sans que NUMANONYMANT relie les deux numéros. La valeur indiquée est l'identifiant de l'autre enfant.",
    fixFr:
      "Quand les données d'état civil d'un enfant sont corrigées, transmettre l'ancien numéro dans NUMANONYMANT.",
    variables: ['NUMANONYM', 'NUMANONYMANT'],
  },
  {
    code: 'fin-apres-limite-age',
    family: 'longitudinal',
    severity: 'warning',
    messageFr:
      "Date de fin enregistrée après la limite d'âge de la mesure (21 ans, ou 18 ans pour une mesure réservée aux mineurs). La date est conservée telle quelle ; le stock au 31 décembre ne compte toujours que les enfants de moins de 21 ans.",
    fixFr: 'Vérifier DATFIN, ANAIS et MNAIS, et la nature de la mesure.',
    variables: ['DATFIN', 'ANAIS', 'MNAIS'],
  },
]);
