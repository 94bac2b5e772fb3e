/**
 * The kinds of measures the simulation produces: their décret codes, DREES category, the share of
 * the category's stock (or, outside the DREES perimeter, of the département's DREES total), the
 * ages at decision, durations and renewal rhythm. Orders of magnitude from the DREES and ONPE
 * publications (placements last about two and a half years, AEMO about two, MJIE six months…).
 */
import type { Category, DreesCategory } from './calibration.js';

export type Decision = '1' | '2';

export interface MeasureKind {
  readonly id: string;
  readonly decision: Decision;
  /** NATPDECADM (decision 1) or NATDECASSED (decision 2). */
  readonly nature: string;
  readonly typinterdom?: readonly (readonly [string, number])[];
  readonly typdecjud?: readonly (readonly [string, number])[];
  readonly category: Category;
  /** Within a DREES category: share of its stock. Hors périmètre: stock as a share of the DREES total. */
  readonly share: number;
  /** Age at decision (years), uniform in [min, max). */
  readonly ageMin: number;
  readonly ageMax: number;
  /** Mean duration in days (exponential law, capped). */
  readonly meanDays: number;
  readonly maxDays: number;
  /** Length of one decision before a renewal (TYPEV=2), in days; null: never renewed. */
  readonly renewalDays: number | null;
  /** Days between decision and effective start: [min, max]. */
  readonly startLag: readonly [number, number];
  /** The nature cannot run past the 18th birthday (domain §6). */
  readonly minorsOnly: boolean;
}

const YEAR = 365;
/** Eight years at most, so that every measure in force on 31/12/2020 has an event in 2016–2024. */
const CAP = 8 * YEAR;

const k = (kind: MeasureKind): MeasureKind => Object.freeze(kind);

export const KINDS: readonly MeasureKind[] = [
  // confiés
  k({
    id: 'pupille',
    decision: '1',
    nature: '15',
    category: 'pupille',
    share: 1,
    ageMin: 0,
    ageMax: 12,
    meanDays: 5 * YEAR,
    maxDays: CAP,
    renewalDays: null,
    startLag: [0, 0],
    minorsOnly: true,
  }),
  k({
    id: 'apm',
    decision: '1',
    nature: '14',
    category: 'accueil_provisoire_mineur',
    share: 0.99,
    ageMin: 3,
    ageMax: 18,
    meanDays: 300,
    maxDays: 3 * YEAR,
    renewalDays: YEAR,
    startLag: [0, 3],
    minorsOnly: true,
  }),
  k({
    id: 'accueil-72h',
    decision: '1',
    nature: '12',
    category: 'accueil_provisoire_mineur',
    share: 0.005,
    ageMin: 10,
    ageMax: 18,
    meanDays: 3,
    maxDays: 3,
    renewalDays: null,
    startLag: [0, 0],
    minorsOnly: true,
  }),
  k({
    id: 'accueil-5j',
    decision: '1',
    nature: '13',
    category: 'accueil_provisoire_mineur',
    share: 0.005,
    ageMin: 10,
    ageMax: 18,
    meanDays: 5,
    maxDays: 5,
    renewalDays: null,
    startLag: [0, 0],
    minorsOnly: true,
  }),
  k({
    id: 'apjm',
    decision: '1',
    nature: '21',
    category: 'accueil_provisoire_jeune_majeur',
    share: 1,
    ageMin: 18,
    ageMax: 20.5,
    meanDays: 420,
    maxDays: 3 * YEAR,
    renewalDays: YEAR,
    startLag: [0, 0],
    minorsOnly: false,
  }),
  k({
    id: 'dap',
    decision: '2',
    nature: '22',
    category: 'delegation_autorite_parentale',
    share: 1,
    ageMin: 2,
    ageMax: 15,
    meanDays: 5 * YEAR,
    maxDays: CAP,
    renewalDays: null,
    startLag: [0, 15],
    minorsOnly: true,
  }),
  k({
    id: 'tutelle',
    decision: '2',
    nature: '23',
    category: 'tutelle',
    share: 1,
    ageMin: 13,
    ageMax: 18,
    meanDays: 2 * YEAR,
    maxDays: CAP,
    renewalDays: null,
    startLag: [0, 15],
    minorsOnly: true,
  }),
  k({
    id: 'placement-ase',
    decision: '2',
    nature: '17',
    category: 'placement_ase',
    share: 1,
    ageMin: 0,
    ageMax: 18,
    meanDays: 3.5 * YEAR,
    maxDays: CAP,
    renewalDays: 2 * YEAR,
    startLag: [0, 7],
    minorsOnly: true,
  }),
  // accueil hors confiés
  k({
    id: 'placement-direct',
    decision: '2',
    nature: '18',
    category: 'placement_direct',
    share: 1,
    ageMin: 3,
    ageMax: 18,
    meanDays: 2 * YEAR,
    maxDays: CAP,
    renewalDays: 2 * YEAR,
    startLag: [0, 7],
    minorsOnly: true,
  }),
  // actions éducatives
  k({
    id: 'aed',
    decision: '1',
    nature: '10',
    typinterdom: [
      ['2', 80],
      ['3', 12],
      ['4', 5],
      ['5', 3],
    ],
    category: 'aed',
    share: 0.9,
    ageMin: 0,
    ageMax: 18,
    meanDays: 400,
    maxDays: 4 * YEAR,
    renewalDays: YEAR,
    startLag: [7, 60],
    minorsOnly: true,
  }),
  k({
    id: 'aed-jeune-majeur',
    decision: '1',
    nature: '20',
    typinterdom: [['10', 1]],
    category: 'aed',
    share: 0.1,
    ageMin: 18,
    ageMax: 20.5,
    meanDays: 300,
    maxDays: 3 * YEAR,
    renewalDays: YEAR,
    startLag: [0, 15],
    minorsOnly: false,
  }),
  k({
    id: 'aemo',
    decision: '2',
    nature: '15',
    typdecjud: [
      ['5', 85],
      ['6', 15],
    ],
    category: 'aemo',
    share: 0.9,
    ageMin: 0,
    ageMax: 18,
    meanDays: 2 * YEAR,
    maxDays: CAP,
    renewalDays: YEAR,
    startLag: [15, 90],
    minorsOnly: true,
  }),
  k({
    id: 'aemo-hebergement',
    decision: '2',
    nature: '16',
    typdecjud: [
      ['7', 60],
      ['8', 40],
    ],
    category: 'aemo',
    share: 0.1,
    ageMin: 3,
    ageMax: 18,
    meanDays: 1.5 * YEAR,
    maxDays: CAP,
    renewalDays: YEAR,
    startLag: [15, 60],
    minorsOnly: true,
  }),
  // hors périmètre DREES (stock as a share of the département's DREES total)
  k({
    id: 'tisf',
    decision: '1',
    nature: '10',
    typinterdom: [['1', 1]],
    category: 'hors_perimetre',
    share: 0.04,
    ageMin: 0,
    ageMax: 18,
    meanDays: 180,
    maxDays: 2 * YEAR,
    renewalDays: 180,
    startLag: [7, 45],
    minorsOnly: true,
  }),
  k({
    id: 'aesf',
    decision: '1',
    nature: '10',
    typinterdom: [['6', 1]],
    category: 'hors_perimetre',
    share: 0.02,
    ageMin: 0,
    ageMax: 18,
    meanDays: 270,
    maxDays: 2 * YEAR,
    renewalDays: YEAR,
    startLag: [7, 45],
    minorsOnly: true,
  }),
  k({
    id: 'accueil-de-jour',
    decision: '1',
    nature: '11',
    category: 'hors_perimetre',
    share: 0.02,
    ageMin: 3,
    ageMax: 18,
    meanDays: YEAR,
    maxDays: 3 * YEAR,
    renewalDays: YEAR,
    startLag: [0, 15],
    minorsOnly: true,
  }),
  k({
    id: 'accueil-parent-enfant',
    decision: '1',
    nature: '16',
    category: 'hors_perimetre',
    share: 0.005,
    ageMin: 0,
    ageMax: 2.5,
    meanDays: 180,
    maxDays: YEAR,
    renewalDays: null,
    startLag: [0, 7],
    minorsOnly: true,
  }),
  k({
    id: 'autre-administrative',
    decision: '1',
    nature: '18',
    typinterdom: [['7', 1]],
    category: 'hors_perimetre',
    share: 0.005,
    ageMin: 0,
    ageMax: 18,
    meanDays: 180,
    maxDays: YEAR,
    renewalDays: null,
    startLag: [0, 30],
    minorsOnly: false,
  }),
  k({
    id: 'mjie',
    decision: '2',
    nature: '14',
    typdecjud: [['3', 1]],
    category: 'hors_perimetre',
    share: 0.04,
    ageMin: 0,
    ageMax: 18,
    meanDays: 180,
    maxDays: 300,
    renewalDays: null,
    startLag: [15, 60],
    minorsOnly: true,
  }),
  k({
    id: 'expertise',
    decision: '2',
    nature: '11',
    typdecjud: [['4', 1]],
    category: 'hors_perimetre',
    share: 0.005,
    ageMin: 0,
    ageMax: 18,
    meanDays: 90,
    maxDays: 180,
    renewalDays: null,
    startLag: [7, 30],
    minorsOnly: true,
  }),
  k({
    id: 'mjagbf',
    decision: '2',
    nature: '19',
    typdecjud: [['9', 1]],
    category: 'hors_perimetre',
    share: 0.03,
    ageMin: 0,
    ageMax: 18,
    meanDays: 2 * YEAR,
    maxDays: 6 * YEAR,
    renewalDays: 2 * YEAR,
    startLag: [15, 60],
    minorsOnly: true,
  }),
  k({
    id: 'protection-jeune-majeur',
    decision: '2',
    nature: '24',
    typdecjud: [['10', 1]],
    category: 'hors_perimetre',
    share: 0.003,
    ageMin: 18,
    ageMax: 20.5,
    meanDays: 270,
    maxDays: 2 * YEAR,
    renewalDays: YEAR,
    startLag: [0, 15],
    minorsOnly: false,
  }),
  k({
    id: 'autre-judiciaire',
    decision: '2',
    nature: '21',
    typdecjud: [['10', 1]],
    category: 'hors_perimetre',
    share: 0.003,
    ageMin: 0,
    ageMax: 18,
    meanDays: 180,
    maxDays: YEAR,
    renewalDays: null,
    startLag: [0, 30],
    minorsOnly: false,
  }),
];

/** Natures that cannot run past the 18th birthday (domain §6). */
export const MINORS_ONLY_ADM = new Set(['10', '11', '12', '13', '14', '15', '16', '19']);
export const MINORS_ONLY_JUD = new Set(['11', '14', '15', '16', '17', '18', '19', '22', '23']);

export function isMinorsOnly(decision: string, nature: string): boolean {
  return decision === '1' ? MINORS_ONLY_ADM.has(nature) : MINORS_ONLY_JUD.has(nature);
}

const CONFIES_ORDER: readonly DreesCategory[] = [
  'pupille',
  'tutelle',
  'delegation_autorite_parentale',
  'placement_ase',
  'accueil_provisoire_jeune_majeur',
  'accueil_provisoire_mineur',
];

/** Rank within the confiés block (domain §7), or null outside it. */
export function confiesRank(category: Category): number | null {
  const i = CONFIES_ORDER.indexOf(category as DreesCategory);
  return i < 0 ? null : i;
}

export type Block = 'confies' | 'accueil' | 'actions_educatives' | 'hors_perimetre';

export function blockOf(category: Category): Block {
  if (confiesRank(category) !== null) return 'confies';
  if (category === 'placement_direct') return 'accueil';
  if (category === 'aed' || category === 'aemo') return 'actions_educatives';
  return 'hors_perimetre';
}

/** DREES category of a measure from its decision, nature and TYPINTERDOM (domain §6). */
export function categoryOf(decision: string, nature: string | null, typinterdom: string | null): Category {
  if (decision === '1') {
    if (nature === '15') return 'pupille';
    if (nature === '12' || nature === '13' || nature === '14') return 'accueil_provisoire_mineur';
    if (nature === '21') return 'accueil_provisoire_jeune_majeur';
    if (nature === '20') return 'aed';
    if (nature === '10' && typinterdom !== null && ['2', '3', '4', '5'].includes(typinterdom)) return 'aed';
    return 'hors_perimetre';
  }
  if (decision === '2') {
    if (nature === '17') return 'placement_ase';
    if (nature === '22') return 'delegation_autorite_parentale';
    if (nature === '23') return 'tutelle';
    if (nature === '18') return 'placement_direct';
    if (nature === '15' || nature === '16') return 'aemo';
  }
  return 'hors_perimetre';
}
