/**
 * French labels of the reports that are not in the dictionary: the DREES categories in display
 * order, severities, coverage statuses; number formatting and small-count masking.
 */
import { codeLabel } from '../dictionary/index.js';
import { DREES_CATEGORIES } from '../national/categories.js';

export interface CategoryLabel {
  readonly code: string;
  readonly labelFr: string;
  /** Block of domain §6: `accueil` (children placed or confiés) or `actions_educatives`. */
  readonly block: 'accueil' | 'actions_educatives';
}

/** Display order of the reports: the confiés in their priority order, then the others. */
const DISPLAY_ORDER = [
  'pupille',
  'tutelle',
  'delegation_autorite_parentale',
  'placement_ase',
  'accueil_provisoire_jeune_majeur',
  'accueil_provisoire_mineur',
  'placement_direct',
  'aed',
  'aemo',
] as const;

/**
 * The DREES categories of the 31 December stock, in display order, with the French labels of
 * the national stage (src/national/categories.ts, the one place they are named).
 */
export const CATEGORY_LABELS: readonly CategoryLabel[] = Object.freeze(
  DISPLAY_ORDER.map((code) => {
    const category = DREES_CATEGORIES.find((c) => c.code === code);
    if (!category?.block) throw new Error(`DREES category ${code} has no block`);
    return { code, labelFr: category.labelFr, block: category.block };
  }),
);

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
