/** Rules found while typing one value (src/values/typer.ts). */
import { defineRules } from '../types.js';

export const VALUE_RULES = defineRules([
  {
    code: 'numanonym-inutilisable',
    family: 'value',
    severity: 'error',
    messageFr:
      "Numéro d'anonymisation (NUMANONYM) absent, différent de 40 caractères hexadécimaux ou égal à « fff…f » : l'enregistrement ne peut pas être rattaché à un enfant et est rejeté.",
    fixFr:
      "Vérifier que le logiciel calcule NUMANONYM pour chaque enregistrement (40 caractères hexadécimaux) à partir du prénom, du nom de naissance de la mère et du mois et de l'année de naissance.",
    variables: ['NUMANONYM'],
  },
  {
    code: 'numanonymant-inutilisable',
    family: 'value',
    severity: 'warning',
    messageFr:
      "Numéro d'anonymisation antérieur (NUMANONYMANT) vide ou différent de 40 caractères hexadécimaux : il est remplacé par NUMANONYM.",
    fixFr:
      "Renseigner NUMANONYMANT avec le numéro transmis lors de l'envoi précédent, ou avec NUMANONYM lors d'un premier envoi (jamais vide).",
    variables: ['NUMANONYMANT'],
  },
  {
    code: 'typev-absent',
    family: 'value',
    severity: 'error',
    messageFr: "Type d'événement (TYPEV) absent : l'enregistrement est rejeté.",
    fixFr:
      'Renseigner TYPEV sur chaque enregistrement : 1 (mesure décidée ou débutée), 2 (renouvellement), 3 (fin).',
    variables: ['TYPEV'],
  },
  {
    code: 'typev-invalide',
    family: 'value',
    severity: 'error',
    messageFr: "Type d'événement (TYPEV) hors de la liste 1, 2, 3 : l'enregistrement est rejeté.",
    fixFr: 'Coder TYPEV avec 1 (mesure décidée ou débutée), 2 (renouvellement) ou 3 (fin).',
    variables: ['TYPEV'],
  },
  {
    code: 'code-invalide',
    family: 'value',
    severity: 'warning',
    messageFr:
      'Valeur hors de la liste des modalités de la variable : elle est ignorée (traitée comme vide).',
    fixFr:
      'Faire correspondre les modalités du logiciel à celles du décret n°2016-1966 (annexe 2-8) ; utiliser le code « ne sait pas » de la variable quand la valeur est inconnue.',
    variables: [],
  },
  {
    code: 'code-normalise',
    family: 'value',
    severity: 'info',
    messageFr:
      'Modalité écrite avec des zéros en tête ou en minuscules (par exemple « 01 » pour « 1 ») : elle a été reconnue et normalisée.',
    fixFr: 'Écrire les modalités exactement comme dans le décret (sans zéro en tête, lettres en majuscules).',
    variables: [],
  },
  {
    code: 'numdep-format-non-conforme',
    family: 'value',
    severity: 'warning',
    messageFr:
      'Code département (NUMDEP) sur un seul caractère : complété par un zéro en tête (« 1 » devient « 01 »).',
    fixFr:
      'Écrire NUMDEP selon le code officiel géographique sur deux ou trois caractères (« 01 », « 2A », « 971 »).',
    variables: ['NUMDEP'],
  },
  {
    code: 'date-invalide',
    family: 'value',
    severity: 'warning',
    messageFr: 'Date impossible ou illisible : elle est ignorée (traitée comme vide).',
    fixFr:
      'Écrire les dates au format AAAA-MM-JJ (AAAA-MM pour les mois), avec 99 pour un jour ou un mois inconnu et 9999-99-99 pour une date inconnue.',
    variables: [],
  },
  {
    code: 'date-format-converti',
    family: 'value',
    severity: 'warning',
    messageFr:
      'Date écrite dans un autre format que AAAA-MM-JJ (JJ/MM/AAAA, JJ-MM-AAAA, AAAA/MM/JJ ou AAAAMMJJ) : elle a été convertie.',
    fixFr: 'Exporter les dates au format AAAA-MM-JJ (AAAA-MM pour les variables en année-mois).',
    variables: [],
  },
  {
    code: 'annee-invalide',
    family: 'value',
    severity: 'warning',
    messageFr:
      'Année impossible (autre chose que quatre chiffres, 0000, avant 1920 ou après 2100) : elle est ignorée (traitée comme vide).',
    fixFr: "Écrire l'année sur quatre chiffres, ou 9999 si elle est inconnue.",
    variables: [],
  },
  {
    code: 'mois-invalide',
    family: 'value',
    severity: 'warning',
    messageFr: 'Mois hors de 01 à 12 (ou 99 si inconnu) : il est ignoré (traité comme vide).',
    fixFr: 'Écrire le mois sur deux chiffres de 01 à 12, ou 99 si inconnu.',
    variables: [],
  },
  {
    code: 'nombre-invalide',
    family: 'value',
    severity: 'warning',
    messageFr: 'Nombre hors de 0 à 99 ou non numérique : il est ignoré (traité comme vide).',
    fixFr: 'Écrire un nombre entier de 0 à 98, ou 99 si inconnu.',
    variables: [],
  },
]);
