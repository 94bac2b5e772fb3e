/**
 * Record-level rules: one SQL check per rule, `sql/checks/record/<code>.sql`, selecting
 * `record_no, variable, value` of the offending values (run by src/rules/run-checks.ts).
 */
import { defineRules } from '../types.js';

const ADMIN_BLOCK = ['TYPINTERDOM', 'LIEUACC', 'ACCMOD', 'AUTRLIEUACC'];
const JUDICIAL_BLOCK = ['TYPDECJUD', 'NATDECPLAC', 'INSTITPLAC', 'LIEUPLAC', 'PLACMOD', 'AUTRLIEUAR'];

export const RECORD_RULES = defineRules([
  {
    code: 'valeur-obligatoire-absente',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Valeur obligatoire absente (NUMDEP, SEXE, ANAIS, MNAIS, DATDECPE, DECISION, DATDEB ; DATFIN et MOTFININT sur une fin de mesure).',
    fixFr:
      'Renseigner toujours ces variables ; utiliser le code « ne sait pas » de la variable quand la valeur est inconnue (sauf NUMDEP et DECISION qui doivent être connues).',
    variables: ['NUMDEP', 'SEXE', 'ANAIS', 'MNAIS', 'DATDECPE', 'DECISION', 'DATDEB', 'DATFIN', 'MOTFININT'],
  },
  {
    code: 'valeur-obligatoire-inconnue',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Valeur obligatoire codée « ne sait pas » : date de décision ou de début inconnue, date ou motif de fin inconnu sur une fin de mesure.',
    fixFr:
      'Reprendre dans le dossier la date de décision, de début ou de fin et le motif de fin de la mesure.',
    variables: ['DATDECPE', 'DATDEB', 'DATFIN', 'MOTFININT'],
  },
  {
    code: 'fin-hors-typev-3',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable de fin de mesure (DATFIN, MOTFININT, MOTIFML, DATDECMIN, DIPLOME, NBCHGLIEU) renseignée sur un événement qui n'est pas une fin (TYPEV ≠ 3).",
    fixFr: 'Ne renseigner les variables de fin que sur la ligne de fin de mesure (TYPEV=3).',
    variables: ['DATFIN', 'MOTFININT', 'MOTIFML', 'DATDECMIN', 'DIPLOME', 'NBCHGLIEU'],
  },
  {
    code: 'chglieu-hors-renouvellement',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Changement de lieu (CHGLIEU) renseigné sur un événement qui n'est pas un renouvellement (TYPEV ≠ 2).",
    fixFr: 'Ne renseigner CHGLIEU que sur les lignes de renouvellement (TYPEV=2).',
    variables: ['CHGLIEU'],
  },
  {
    code: 'information-initiale-hors-typev-1',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable de l'information initiale (TRAITINFO à SAISJUR) renseignée sur un renouvellement ou une fin (TYPEV ≠ 1).",
    fixFr:
      "Ne renseigner l'information initiale que sur la ligne de décision ou de début de mesure (TYPEV=1).",
    variables: [
      'TRAITINFO',
      'DATIP',
      'DATSIGN',
      'DATJE',
      'ORIGIP',
      'TRANSIP',
      'MOTIFSIG',
      'ENQPENAL',
      'SAISJUR',
    ],
  },
  {
    code: 'evaluation-sur-renouvellement',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable d'évaluation ou de problématique familiale renseignée sur un renouvellement (TYPEV=2).",
    fixFr: "Ne pas renseigner l'évaluation (NOTIFEVAL à SOUTSOC) sur les lignes de renouvellement.",
    variables: [
      'NOTIFEVAL',
      'FINEVAL',
      'MESANT',
      'ACCFAM',
      'CONDADD',
      'DEFINTEL',
      'CONFL',
      'VIOLFAM',
      'SOUTSOC',
    ],
  },
  {
    code: 'natpdecadm-sur-decision-judiciaire',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Nature de prestation administrative (NATPDECADM ou AUTREDA) renseignée pour une décision judiciaire (DECISION=2).',
    fixFr: 'Pour une décision judiciaire, renseigner NATDECASSED et laisser NATPDECADM vide.',
    variables: ['NATPDECADM', 'AUTREDA'],
  },
  {
    code: 'natdecassed-sur-decision-administrative',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Nature de mesure judiciaire (NATDECASSED ou AUTREDJ) renseignée pour une décision administrative (DECISION=1).',
    fixFr: 'Pour une décision administrative, renseigner NATPDECADM et laisser NATDECASSED vide.',
    variables: ['NATDECASSED', 'AUTREDJ'],
  },
  {
    code: 'bloc-administratif-non-attendu',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Variable du bloc administratif renseignée alors que la nature de la prestation ne la prévoit pas (TYPINTERDOM hors aide à domicile ; LIEUACC, ACCMOD, AUTRLIEUACC hors accueil).',
    fixFr:
      'Ne renseigner TYPINTERDOM que pour NATPDECADM 10, 18 ou 20, et le lieu d’accueil que pour NATPDECADM 11 à 16, 18, 19 ou 21.',
    variables: ADMIN_BLOCK,
  },
  {
    code: 'bloc-judiciaire-non-attendu',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Variable du bloc judiciaire renseignée alors que la nature de la mesure ne la prévoit pas (TYPDECJUD hors milieu ouvert ou investigation ; NATDECPLAC, INSTITPLAC, LIEUPLAC, PLACMOD, AUTRLIEUAR hors placement).',
    fixFr:
      'Ne renseigner TYPDECJUD que pour NATDECASSED 11, 14, 15, 16, 19, 21 ou 24, NATDECPLAC et INSTITPLAC que pour 17, 18 ou 21, LIEUPLAC, PLACMOD et AUTRLIEUAR que pour 17, 18, 21, 22 ou 23.',
    variables: JUDICIAL_BLOCK,
  },
  {
    code: 'variable-conditionnelle-non-attendue',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable renseignée alors que la variable dont elle dépend ne la prévoit pas (par exemple NIVSCO sans scolarisation, DATPPE sans projet pour l'enfant, MOTIFML sans fin d'intervention).",
    fixFr: 'Laisser vide une variable dont la condition du décret (annexe 2-8) n’est pas remplie.',
    variables: [
      'TRANSIP',
      'DATSIGN',
      'MOTIFSIG',
      'DATJE',
      'MOTIFML',
      'DATDECMIN',
      'DATPPE',
      'DATDECAP',
      'MODACC',
      'NIVSCO',
      'SCOCLASPE',
      'TYPCLASSPE',
      'TYPETABSPE',
      'ORIENTEFF',
    ],
  },
  {
    code: 'code-reserve-jeune-majeur',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Modalité réservée aux jeunes majeurs (NATPDECADM 20 ou 21, NATDECASSED 24, TYPINTERDOM 10) pour un mineur à la date de décision.',
    fixFr:
      'Vérifier la date de naissance ou la nature de la mesure : ces modalités ne concernent que les 18-20 ans.',
    variables: ['NATPDECADM', 'NATDECASSED', 'TYPINTERDOM'],
  },
  {
    code: 'code-reserve-mineur',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Modalité réservée aux mineurs (NATPDECADM 10 à 16 ou 19, NATDECASSED 11, 14 à 19, 22 ou 23) pour un jeune majeur à la date de décision.',
    fixFr:
      'Vérifier la date de naissance ou la nature de la mesure : un jeune majeur relève de NATPDECADM 20 ou 21, ou de NATDECASSED 24.',
    variables: ['NATPDECADM', 'NATDECASSED'],
  },
  {
    code: 'variable-reservee-mineur',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable réservée aux mineurs renseignée pour une personne de 18 ans ou plus à la date de l'événement.",
    fixFr:
      'Laisser vides les variables des mineurs (ménage, autorité parentale, adultes, dangers…) pour un jeune majeur.',
    variables: [],
  },
  {
    code: 'variable-reservee-jeune-majeur',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Variable réservée aux jeunes majeurs (MENAGEJM, EMPLJM, CSPJM) renseignée pour un mineur à la date de l'événement.",
    fixFr: 'Laisser vides MENAGEJM, EMPLJM et CSPJM pour un mineur.',
    variables: ['MENAGEJM', 'EMPLJM', 'CSPJM'],
  },
  {
    code: 'typinterdom-absent',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Type d'intervention à domicile (TYPINTERDOM) absent pour une aide à domicile (NATPDECADM 10, 18 ou 20).",
    fixFr: 'Renseigner TYPINTERDOM pour toute aide à domicile (9 si inconnu).',
    variables: ['TYPINTERDOM'],
  },
  {
    code: 'lieuacc-absent',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Lieu d'accueil (LIEUACC) absent pour un accueil administratif (NATPDECADM 11 à 16, 19 ou 21).",
    fixFr: 'Renseigner LIEUACC pour tout accueil administratif (99 si inconnu).',
    variables: ['LIEUACC'],
  },
  {
    code: 'placement-judiciaire-incomplet',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Nature de la décision de placement (NATDECPLAC), institution (INSTITPLAC) ou lieu de placement (LIEUPLAC) absent pour un placement judiciaire (NATDECASSED 17 ou 18).',
    fixFr:
      'Renseigner NATDECPLAC, INSTITPLAC et LIEUPLAC pour tout placement judiciaire (code « ne sait pas » si inconnu).',
    variables: ['NATDECPLAC', 'INSTITPLAC', 'LIEUPLAC'],
  },
  {
    code: 'typdecjud-absent',
    family: 'record',
    severity: 'warning',
    messageFr:
      'Type de décision judiciaire (TYPDECJUD) absent pour une mesure de milieu ouvert ou d’investigation (NATDECASSED 11, 14, 15, 16, 19 ou 24).',
    fixFr: 'Renseigner TYPDECJUD pour ces mesures (99 si inconnu).',
    variables: ['TYPDECJUD'],
  },
  {
    code: 'datfin-avant-datdeb',
    family: 'record',
    severity: 'warning',
    messageFr: 'Date de fin (DATFIN) antérieure à la date de début (DATDEB).',
    fixFr: 'Corriger la date de début ou de fin de la mesure dans le dossier.',
    variables: ['DATFIN', 'DATDEB'],
  },
  {
    code: 'datdeb-bien-avant-datdecpe',
    family: 'record',
    severity: 'warning',
    messageFr: 'Date de début (DATDEB) plus d’un an avant la date de décision (DATDECPE).',
    fixFr: 'Vérifier les dates de décision et de début : une mesure commence en principe après sa décision.',
    variables: ['DATDEB', 'DATDECPE'],
  },
  {
    code: 'hors-perimetre',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Événement hors de l'année du fichier : fin (TYPEV=3) dont DATFIN n'est pas dans l'année, ou décision/renouvellement dont ni DATDECPE ni DATDEB n'est dans l'année.",
    fixFr:
      "N'extraire pour l'année N que les événements dont la date de décision, de début ou de fin tombe en N.",
    variables: ['DATFIN', 'DATDECPE', 'DATDEB'],
  },
  {
    code: 'date-posterieure-export',
    family: 'record',
    severity: 'warning',
    messageFr: "Date postérieure à la date d'export du fichier.",
    fixFr: 'Corriger la date dans le dossier (date future impossible).',
    variables: [],
  },
  {
    code: 'age-negatif',
    family: 'record',
    severity: 'warning',
    messageFr: 'Décision antérieure à la naissance (âge négatif à la date de décision).',
    fixFr: "Vérifier l'année et le mois de naissance (ANAIS, MNAIS) et la date de décision.",
    variables: ['ANAIS', 'MNAIS', 'DATDECPE'],
  },
  {
    code: 'age-21-ans-ou-plus',
    family: 'record',
    severity: 'warning',
    messageFr: 'Personne âgée de 21 ans ou plus à la date de décision.',
    fixFr:
      "Vérifier l'année et le mois de naissance (ANAIS, MNAIS) et la date de décision : la protection de l'enfance s'arrête à 21 ans.",
    variables: ['ANAIS', 'MNAIS', 'DATDECPE'],
  },
  {
    code: 'parent-ne-apres-enfant',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Année de naissance d'un parent ou adulte (ANSMERE, ANSPERE, ANSA1, ANSA2) postérieure à celle de l'enfant.",
    fixFr: "Vérifier les années de naissance de l'enfant et des adultes.",
    variables: ['ANSMERE', 'ANSPERE', 'ANSA1', 'ANSA2'],
  },
  {
    code: 'parent-moins-de-12-ans',
    family: 'record',
    severity: 'warning',
    messageFr: "Parent ou adulte (ANSMERE, ANSPERE, ANSA1, ANSA2) né moins de 12 ans avant l'enfant.",
    fixFr: "Vérifier les années de naissance de l'enfant et des adultes.",
    variables: ['ANSMERE', 'ANSPERE', 'ANSA1', 'ANSA2'],
  },
  {
    code: 'identite-incoherente',
    family: 'record',
    severity: 'warning',
    messageFr:
      "Même numéro d'anonymisation avec un sexe, une année ou un mois de naissance différents dans le fichier.",
    fixFr:
      "Vérifier l'identité des enfants concernés : un même NUMANONYM doit correspondre à un seul enfant, avec le même SEXE, ANAIS et MNAIS.",
    variables: ['SEXE', 'ANAIS', 'MNAIS'],
  },
]);
