/**
 * File-level rules. The first five are emitted by the readers (src/readers) when a file cannot be
 * read; the others by the ingestion checks (src/rules/run-checks.ts, sql/checks/file/).
 */
import { defineRules } from '../types.js';

export const FILE_RULES = defineRules([
  {
    code: 'fichier-illisible',
    family: 'file',
    severity: 'error',
    messageFr:
      "Le fichier n'a pas pu être lu (format non reconnu, fichier tronqué ou corrompu) : il est rejeté.",
    fixFr:
      'Exporter le fichier au format XML du décret (ou en texte délimité avec une ligne d’en-tête) et le renvoyer.',
    variables: [],
  },
  {
    code: 'fichier-vide',
    family: 'file',
    severity: 'error',
    messageFr: 'Le fichier ne contient aucun enregistrement : il est rejeté.',
    fixFr: "Vérifier l'extraction : le fichier d'une année doit contenir les événements de l'année.",
    variables: [],
  },
  {
    code: 'numanonym-absent-du-fichier',
    family: 'file',
    severity: 'error',
    messageFr:
      'La variable NUMANONYM est absente du fichier : aucun enregistrement ne peut être rattaché à un enfant, le fichier est rejeté.',
    fixFr:
      "Inclure NUMANONYM (numéro d'anonymisation, 40 caractères hexadécimaux) dans chaque enregistrement.",
    variables: ['NUMANONYM'],
  },
  {
    code: 'encodage-non-conforme',
    family: 'file',
    severity: 'warning',
    messageFr: "L'encodage des caractères déclaré ne correspond pas au contenu du fichier (accents mal lus).",
    fixFr: "Exporter en UTF-8 (ou ISO-8859-1) et déclarer le même encodage dans l'en-tête XML.",
    variables: [],
  },
  {
    code: 'xml-mal-forme',
    family: 'file',
    severity: 'error',
    messageFr: 'Le fichier XML est mal formé (balise non fermée, caractère interdit…) : il est rejeté.',
    fixFr: "Valider le fichier XML avant l'envoi (balises fermées, caractères spéciaux échappés).",
    variables: [],
  },
  {
    code: 'aucun-enregistrement-exploitable',
    family: 'file',
    severity: 'error',
    messageFr:
      "Aucun enregistrement du fichier n'est exploitable (numéro d'anonymisation ou type d'événement inutilisable partout) : le fichier est rejeté.",
    fixFr:
      "Vérifier l'extraction : NUMANONYM (40 caractères hexadécimaux) et TYPEV doivent être renseignés sur chaque enregistrement.",
    variables: ['NUMANONYM', 'TYPEV'],
  },
  {
    code: 'departement-inconnu',
    family: 'file',
    severity: 'error',
    messageFr:
      "Le département du fichier n'a pas pu être déterminé (NUMDEP absent et nom de fichier sans code département) : le fichier est rejeté.",
    fixFr:
      'Renseigner NUMDEP sur chaque enregistrement, ou nommer le fichier avec le code du département (CD59_…).',
    variables: ['NUMDEP'],
  },
  {
    code: 'annee-inconnue',
    family: 'file',
    severity: 'error',
    messageFr:
      "L'année du fichier n'a pas pu être déterminée (ni déclarée, ni dans le nom du fichier, ni déductible des dates) : le fichier est rejeté.",
    fixFr:
      "Nommer le fichier avec l'année (par exemple CD59_Olinpe_2019.xml) et renseigner les dates d'événements.",
    variables: [],
  },
  {
    code: 'intro-absente',
    family: 'file',
    severity: 'info',
    messageFr:
      "Le fichier XML n'a pas d'en-tête INTRO (VERSIONXSD, DATEXPORT) : la date d'export est inconnue.",
    fixFr: "Produire l'en-tête <INTRO> avec VERSIONXSD et DATEXPORT avant les enregistrements <DONNEE>.",
    variables: [],
  },
  {
    code: 'nombre-de-colonnes-incorrect',
    family: 'file',
    severity: 'warning',
    messageFr:
      "Des lignes du fichier texte n'ont pas le même nombre de colonnes que l'en-tête (valeur : numéro du premier enregistrement concerné) : des valeurs peuvent être décalées.",
    fixFr:
      'Entourer de guillemets les valeurs qui contiennent le séparateur, et écrire toutes les colonnes sur chaque ligne.',
    variables: [],
  },
  {
    code: 'variable-repetee',
    family: 'file',
    severity: 'warning',
    messageFr:
      'Une variable est écrite plusieurs fois dans un même enregistrement (ou dans l’en-tête) : une seule de ses valeurs est retenue.',
    fixFr: "N'écrire chaque variable qu'une fois par enregistrement.",
    variables: [],
  },
  {
    code: 'decret-2011',
    family: 'file',
    severity: 'warning',
    messageFr:
      'Le fichier suit le décret de 2011 (variable CODEV) et non le décret n°2016-1966 : seules les variables communes sont exploitées.',
    fixFr: 'Mettre à jour le logiciel pour produire les 105 variables du décret n°2016-1966.',
    variables: ['TYPEV'],
  },
  {
    code: 'decret-inconnu',
    family: 'file',
    severity: 'warning',
    messageFr: 'Le décret du fichier n’a pas pu être reconnu (ni TYPEV ni CODEV).',
    fixFr: 'Produire le fichier selon le décret n°2016-1966 (variable TYPEV dans chaque enregistrement).',
    variables: ['TYPEV'],
  },
  {
    code: 'numdep-melange',
    family: 'file',
    severity: 'warning',
    messageFr: 'Le fichier contient plusieurs codes département (NUMDEP) différents.',
    fixFr:
      "N'envoyer dans un fichier que les enregistrements d'un seul département, avec le même NUMDEP partout.",
    variables: ['NUMDEP'],
  },
  {
    code: 'numdep-absent',
    family: 'file',
    severity: 'warning',
    messageFr: "Aucun enregistrement du fichier n'indique de code département (NUMDEP) exploitable.",
    fixFr: 'Renseigner NUMDEP (code officiel géographique du département) sur chaque enregistrement.',
    variables: ['NUMDEP'],
  },
  {
    code: 'annee-incoherente',
    family: 'file',
    severity: 'warning',
    messageFr:
      "L'année déclarée du fichier diffère de l'année civile qui porte le plus de dates d'événements (décision, début, fin).",
    fixFr:
      "Vérifier l'année extraite : le fichier de l'année N contient les événements dont une date tombe en N.",
    variables: ['DATDECPE', 'DATDEB', 'DATFIN'],
  },
  {
    code: 'annee-deduite-des-dates',
    family: 'file',
    severity: 'info',
    messageFr:
      "L'année du fichier n'était ni déclarée ni dans son nom : elle a été déduite des dates d'événements.",
    fixFr: "Nommer le fichier avec l'année (par exemple CD59_Olinpe_2019.xml).",
    variables: [],
  },
  {
    code: 'variable-absente-du-fichier',
    family: 'file',
    severity: 'warning',
    messageFr: 'Variable du décret absente de tout le fichier.',
    fixFr: "Ajouter la variable à l'extraction, même vide quand elle ne s'applique pas.",
    variables: [],
  },
  {
    code: 'variable-inattendue',
    family: 'file',
    severity: 'info',
    messageFr: "Variable qui n'appartient pas au décret n°2016-1966 : elle est ignorée.",
    fixFr: "Retirer la variable de l'extraction ou la renommer selon le décret.",
    variables: [],
  },
  {
    code: 'variable-toujours-vide',
    family: 'file',
    severity: 'info',
    messageFr: 'Variable présente dans le fichier mais vide dans tous les enregistrements.',
    fixFr: 'Vérifier que le logiciel alimente bien la variable lorsque la situation la rend applicable.',
    variables: [],
  },
  {
    code: 'typev-jamais-present',
    family: 'file',
    severity: 'info',
    messageFr: "Un type d'événement (TYPEV 1, 2 ou 3) n'apparaît dans aucun enregistrement du fichier.",
    fixFr:
      "Vérifier que l'extraction retient les mesures décidées, les renouvellements et les fins de l'année.",
    variables: ['TYPEV'],
  },
  {
    code: 'date-export-invalide',
    family: 'file',
    severity: 'info',
    messageFr: "La date d'export (DATEXPORT) de l'en-tête XML est absente ou illisible.",
    fixFr: "Renseigner DATEXPORT au format AAAA-MM-JJ dans l'en-tête du fichier.",
    variables: [],
  },
]);
