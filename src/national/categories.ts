/**
 * The DREES categories of the 31 December stock (domain §6–§7) with their French labels, block
 * and confiés priority. Loaded as table `drees_categories` for the SQL of the national stage.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../warehouse/sql-files.js';

export type Block = 'accueil' | 'actions_educatives';
/** Blocks of the totals: `confies` is part of `accueil`; `ensemble` is all nine categories. */
export type TotalBlock = Block | 'confies' | 'ensemble';

export interface DreesCategory {
  readonly code: string;
  readonly labelFr: string;
  /** Null for `hors_perimetre`, which the stock does not count. */
  readonly block: Block | null;
  readonly isConfie: boolean;
  /** Priority within the confiés block (1 first); null outside it. */
  readonly confieRank: number | null;
}

export const DREES_CATEGORIES: readonly DreesCategory[] = Object.freeze([
  { code: 'pupille', labelFr: "Pupilles de l'État", block: 'accueil', isConfie: true, confieRank: 1 },
  {
    code: 'accueil_provisoire_mineur',
    labelFr: 'Accueils provisoires de mineurs',
    block: 'accueil',
    isConfie: true,
    confieRank: 6,
  },
  {
    code: 'accueil_provisoire_jeune_majeur',
    labelFr: 'Accueils provisoires de jeunes majeurs',
    block: 'accueil',
    isConfie: true,
    confieRank: 5,
  },
  {
    code: 'placement_ase',
    labelFr: "Placements judiciaires à l'ASE",
    block: 'accueil',
    isConfie: true,
    confieRank: 4,
  },
  {
    code: 'delegation_autorite_parentale',
    labelFr: "Délégations d'autorité parentale à l'ASE",
    block: 'accueil',
    isConfie: true,
    confieRank: 3,
  },
  { code: 'tutelle', labelFr: "Tutelles déférées à l'ASE", block: 'accueil', isConfie: true, confieRank: 2 },
  {
    code: 'placement_direct',
    labelFr: 'Placements directs par le juge',
    block: 'accueil',
    isConfie: false,
    confieRank: null,
  },
  {
    code: 'aed',
    labelFr: 'Actions éducatives à domicile (AED)',
    block: 'actions_educatives',
    isConfie: false,
    confieRank: null,
  },
  {
    code: 'aemo',
    labelFr: 'Actions éducatives en milieu ouvert (AEMO)',
    block: 'actions_educatives',
    isConfie: false,
    confieRank: null,
  },
  { code: 'hors_perimetre', labelFr: 'Hors périmètre DREES', block: null, isConfie: false, confieRank: null },
]);

export const TOTAL_BLOCKS: readonly { readonly code: TotalBlock; readonly labelFr: string }[] = Object.freeze(
  [
    { code: 'confies', labelFr: "Total des enfants confiés à l'ASE" },
    { code: 'accueil', labelFr: 'Total des accueils (confiés et placements directs)' },
    { code: 'actions_educatives', labelFr: 'Total des actions éducatives (AED et AEMO)' },
    { code: 'ensemble', labelFr: 'Ensemble (accueils et actions éducatives)' },
  ],
);

export function categoryLabel(code: string): string {
  return DREES_CATEGORIES.find((c) => c.code === code)?.labelFr ?? code;
}

export function blockLabel(code: string): string {
  return TOTAL_BLOCKS.find((b) => b.code === code)?.labelFr ?? code;
}

/** Creates table `name` (drees_category, label_fr, block, is_confie, confie_rank, display_order). */
export async function createCategoriesTable(
  conn: DuckDBConnection,
  name = 'drees_categories',
): Promise<void> {
  await conn.run(
    `create or replace table ${quoteIdent(name)} (drees_category varchar, label_fr varchar, block varchar, is_confie boolean, confie_rank integer, display_order integer)`,
  );
  for (const [i, c] of DREES_CATEGORIES.entries()) {
    await conn.run(`insert into ${quoteIdent(name)} values ($code, $label, $block, $confie, $rank, $order)`, {
      code: c.code,
      label: c.labelFr,
      block: c.block,
      confie: c.isConfie,
      rank: c.confieRank,
      order: i + 1,
    });
  }
}
