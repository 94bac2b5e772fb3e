/**
 * Duplicate rules (sql/checks/duplicates/dropped_duplicates.sql): one copy of each group is
 * kept (the lowest record_no), the others are dropped and listed with their rule.
 */
import { defineRules } from '../types.js';

export const DUPLICATE_RULES = defineRules([
  {
    code: 'doublon-identique',
    family: 'duplicate',
    severity: 'info',
    messageFr:
      'Enregistrement identique à un enregistrement précédent du fichier : seul le premier est conservé.',
    fixFr: "Vérifier que l'extraction n'émet pas deux fois le même événement.",
    variables: [],
  },
  {
    code: 'doublon-administratif',
    family: 'duplicate',
    severity: 'warning',
    messageFr:
      'Doublon de prestation administrative : même enfant, même type d’événement, même NATPDECADM, DATDECPE, LIEUACC et TYPINTERDOM qu’un enregistrement précédent ; seul le premier est conservé.',
    fixFr: "Vérifier que l'extraction ne produit qu'une ligne par événement d'une prestation administrative.",
    variables: ['NUMANONYM', 'TYPEV', 'NATPDECADM', 'DATDECPE', 'LIEUACC', 'TYPINTERDOM'],
  },
  {
    code: 'doublon-judiciaire',
    family: 'duplicate',
    severity: 'warning',
    messageFr:
      'Doublon de mesure judiciaire : même enfant, même type d’événement, même NATDECASSED, DATDECPE, LIEUPLAC et TYPDECJUD qu’un enregistrement précédent ; seul le premier est conservé.',
    fixFr: "Vérifier que l'extraction ne produit qu'une ligne par événement d'une mesure judiciaire.",
    variables: ['NUMANONYM', 'TYPEV', 'NATDECASSED', 'DATDECPE', 'LIEUPLAC', 'TYPDECJUD'],
  },
]);
