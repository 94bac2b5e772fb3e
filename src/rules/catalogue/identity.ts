/**
 * Identity rules (domain §5): the NUMANONYMANT → NUMANONYM links of the national identity graph.
 * Checks: sql/checks/longitudinal/<code>.sql, run by src/national/findings.ts.
 */
import { defineRules } from '../types.js';

export const IDENTITY_RULES = defineRules([
  {
    code: 'lien-identite-numeros-meme-fichier',
    family: 'identity',
    severity: 'error',
    messageFr:
      "Lien d'identité refusé : le numéro antérieur (NUMANONYMANT) de cet enregistrement est aussi le NUMANONYM d'un autre enregistrement du même fichier. Les deux numéros désignent deux enfants différents ; l'enregistrement reste rattaché à son NUMANONYM.",
    fixFr:
      "NUMANONYMANT doit contenir le numéro transmis pour le même enfant lors de l'envoi précédent (ou être égal à NUMANONYM au premier envoi), jamais le numéro d'un autre enfant.",
    variables: ['NUMANONYMANT', 'NUMANONYM'],
  },
  {
    code: 'lien-identite-anterieur-multiple',
    family: 'identity',
    severity: 'error',
    messageFr:
      "Lien d'identité refusé : dans la même année, ce numéro antérieur (NUMANONYMANT) est associé à plusieurs NUMANONYM différents (défaut d'extraction probable, par exemple un NUMANONYMANT constant).",
    fixFr:
      "Vérifier l'extraction de NUMANONYMANT : chaque enfant doit porter son propre numéro de l'envoi précédent.",
    variables: ['NUMANONYMANT'],
  },
  {
    code: 'lien-identite-courant-multiple',
    family: 'identity',
    severity: 'error',
    messageFr:
      "Lien d'identité refusé : dans la même année, plusieurs numéros antérieurs (NUMANONYMANT) pointent vers ce NUMANONYM, qui a déjà un historique sous son propre numéro.",
    fixFr:
      "Vérifier l'extraction de NUMANONYMANT : il doit reprendre le numéro transmis pour cet enfant lors de l'envoi précédent.",
    variables: ['NUMANONYMANT', 'NUMANONYM'],
  },
  {
    code: 'lien-identite-caracteristiques-differentes',
    family: 'identity',
    severity: 'warning',
    messageFr:
      "Le sexe, l'année ou le mois de naissance diffère entre cet enregistrement et le dernier enregistrement connu sous le numéro antérieur (NUMANONYMANT). Le lien est conservé (une correction de l'état civil change légitimement le numéro).",
    fixFr: "Vérifier SEXE, ANAIS et MNAIS de l'enfant dans le logiciel métier.",
    variables: ['SEXE', 'ANAIS', 'MNAIS'],
  },
]);
