/**
 * French labels of the reports that are not in the dictionary: the DREES categories (the one
 * place they are named), severities, coverage statuses; number formatting and small-count masking.
 */
import { codeLabel } from '../dictionary/index.js';

export interface CategoryLabel {
  readonly code: string;
  readonly labelFr: string;
  /** Block of domain §6: `accueil` (children placed or confiés) or `actions_educatives`. */
  readonly block: 'accueil' | 'actions_educatives';
}

/** The DREES categories of the 31 December stock, in display order, with their French labels. */
export const CATEGORY_LABELS: readonly CategoryLabel[] = Object.freeze([
  { code: 'pupille', labelFr: "Pupilles de l'État", block: 'accueil' },
  { code: 'tutelle', labelFr: "Tutelles déférées à l'ASE", block: 'accueil' },
  { code: 'delegation_autorite_parentale', labelFr: "Délégations de l'autorité parentale", block: 'accueil' },
  { code: 'placement_ase', labelFr: "Placements à l'ASE par le juge", block: 'accueil' },
  {
    code: 'accueil_provisoire_jeune_majeur',
    labelFr: 'Accueils provisoires de jeunes majeurs',
    block: 'accueil',
  },
  { code: 'accueil_provisoire_mineur', labelFr: 'Accueils provisoires de mineurs', block: 'accueil' },
  { code: 'placement_direct', labelFr: 'Placements directs par le juge', block: 'accueil' },
  { code: 'aed', labelFr: 'Aides éducatives à domicile (AED)', block: 'actions_educatives' },
  { code: 'aemo', labelFr: 'Actions éducatives en milieu ouvert (AEMO)', block: 'actions_educatives' },
] as const);

const categoryByCode = new Map(CATEGORY_LABELS.map((c) => [c.code, c]));

export function categoryLabel(code: string): string {
  return categoryByCode.get(code)?.labelFr ?? code;
}

export const BLOCK_LABELS: Readonly<Record<CategoryLabel['block'], string>> = {
  accueil: 'Enfants accueillis (confiés et placements directs)',
  actions_educatives: 'Actions éducatives',
};

export const SEVERITY_LABELS: Readonly<Record<string, string>> = {
  error: 'Erreur (enregistrement rejeté)',
  warning: 'Avertissement',
  info: 'Information',
};

export const severityLabel = (s: string): string => SEVERITY_LABELS[s] ?? s;

export const COVERAGE_LABELS: Readonly<Record<string, string>> = {
  recu: 'reçu',
  corrige: 'reçu, corrigé',
  refuse: 'refusé',
  remplace: 'remplacé',
  manquant: 'manquant',
};

export const SEX_LABELS: Readonly<Record<string, string>> = {
  '1': codeLabel('SEXE', '1') ?? 'Masculin',
  '2': codeLabel('SEXE', '2') ?? 'Féminin',
  '9': 'Inconnu',
};

export const AGE_GROUPS: readonly string[] = ['0-2', '3-5', '6-10', '11-15', '16-17', '18-20', 'inconnu'];

export function ageGroupLabel(group: string): string {
  if (group === 'inconnu') return 'âge inconnu';
  const [from, to] = group.split('-');
  return `${from} à ${to} ans`;
}

/** "NORD (59)" from the dictionary's NUMDEP list; the DREES Corsica `20` is named here. */
export function departementLabel(code: string): string {
  if (code === '20') return 'Corse (2A et 2B)';
  const label = codeLabel('NUMDEP', code);
  return label === undefined ? code : `${label} (${code})`;
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Thin spaces from Intl become ordinary spaces so that the text is the same everywhere. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : plain(integer.format(n));
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${plain(oneDecimal.format(share * 100))} %`;
}

export function formatRatio(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : plain(twoDecimals.format(r));
}

export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : plain(oneDecimal.format(n));
}

/** The text shown in dashboards: counts from 1 to 4 could single out a child. */
export const SMALL_COUNT_TEXT = '< 5';

export function isSmallCount(n: number | null | undefined): boolean {
  return n !== null && n !== undefined && n >= 1 && n <= 4;
}

export function maskedCount(n: number | null | undefined): string {
  return isSmallCount(n) ? SMALL_COUNT_TEXT : formatInt(n);
}

/** "1 constat", "3 constats", "0 constat": French takes the singular below 2. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInt(n)} ${Math.abs(n) < 2 ? singular : pluralForm}`;
}
