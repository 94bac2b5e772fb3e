/**
 * `exports/dictionary.json` and the `labels` table: the décret's variables with their codes and
 * French labels (from the dictionary, the only place they are described), plus the code lists
 * the pipeline itself produces.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { VARIABLES } from '../dictionary/index.js';
import { DREES_CATEGORIES, TOTAL_BLOCKS } from '../national/categories.js';
import { quoteIdent } from '../warehouse/sql-files.js';

interface DerivedCodes {
  readonly column: string;
  readonly tables: readonly string[];
  readonly labelFr: string;
  readonly codes: readonly (readonly [string, string])[];
}

/** Code lists of derived columns (values the pipeline writes, not the décret's). */
export const DERIVED_CODES: readonly DerivedCodes[] = Object.freeze([
  {
    column: 'drees_category',
    tables: ['measures', 'stock_31dec'],
    labelFr: 'Catégorie DREES de la mesure (bénéficiaires de l’ASE au 31 décembre)',
    codes: DREES_CATEGORIES.map((c) => [c.code, c.labelFr] as const),
  },
  {
    column: 'block',
    tables: ['measures', 'stock_31dec_totals'],
    labelFr: 'Bloc de catégories DREES',
    codes: TOTAL_BLOCKS.map((b) => [b.code, b.labelFr] as const),
  },
  {
    column: 'kind',
    tables: ['parcours'],
    labelFr: 'Nature de la période de prise en charge continue',
    codes: [
      ['any', 'Toute mesure (interruptions de 30 jours au plus fusionnées)'],
      ['accueil', 'Accueil hors du domicile (interruptions de 7 jours au plus fusionnées)'],
    ],
  },
  {
    column: 'status',
    tables: ['receipts'],
    labelFr: 'État du fichier reçu',
    codes: [
      ['active', 'En vigueur'],
      ['superseded', 'Remplacé par un envoi plus récent'],
      ['rejected', 'Rejeté'],
    ],
  },
  {
    column: 'severity',
    tables: ['findings', 'rules'],
    labelFr: 'Gravité du constat',
    codes: [
      ['error', 'Erreur : enregistrement rejeté'],
      ['warning', 'Avertissement : enregistrement conservé'],
      ['info', 'Information'],
    ],
  },
  {
    column: 'end_imputed',
    tables: ['measures', 'periods'],
    labelFr: 'Raison de la fin imputée d’une mesure restée ouverte',
    codes: [
      ['majorite-18-ans', 'Fin au 18e anniversaire (nature réservée aux mineurs)'],
      ['limite-21-ans', 'Fin au 21e anniversaire'],
    ],
  },
]);

export interface LabelRow {
  readonly variable: string;
  readonly code: string;
  readonly label_fr: string;
  /** `decret` for the décret's variables, `olinpe` for derived columns. */
  readonly source: 'decret' | 'olinpe';
}

export function labelRows(): LabelRow[] {
  const rows: LabelRow[] = [];
  for (const v of VARIABLES) {
    if (v.isFreeText) continue;
    for (const c of v.codes)
      rows.push({ variable: v.column, code: c.code, label_fr: c.labelFr, source: 'decret' });
  }
  for (const d of DERIVED_CODES) {
    for (const [code, label] of d.codes)
      rows.push({ variable: d.column, code, label_fr: label, source: 'olinpe' });
  }
  return rows;
}

export async function createLabelsTable(conn: DuckDBConnection, name = 'labels'): Promise<void> {
  await conn.run(
    `create or replace table ${quoteIdent(name)} (variable VARCHAR, code VARCHAR, label_fr VARCHAR, source VARCHAR)`,
  );
  const appender = await conn.createAppender(name);
  for (const r of labelRows()) {
    appender.appendVarchar(r.variable);
    appender.appendVarchar(r.code);
    appender.appendVarchar(r.label_fr);
    appender.appendVarchar(r.source);
    appender.endRow();
  }
  appender.closeSync();
}

/** The content of `exports/dictionary.json`. */
export function dictionaryDocument(): unknown {
  return {
    decree: 'n°2016-1966',
    variables: VARIABLES.map((v) => ({
      num: v.num,
      name: v.name,
      column: v.column,
      label_fr: v.labelFr,
      section: v.section,
      kind: v.kind,
      unknown: v.unknown,
      applies_to: v.appliesTo,
      exported: !v.isFreeText,
      codes: v.codes.map((c) => ({ code: c.code, label_fr: c.labelFr })),
    })),
    derived: DERIVED_CODES.map((d) => ({
      column: d.column,
      tables: d.tables,
      label_fr: d.labelFr,
      codes: d.codes.map(([code, label]) => ({ code, label_fr: label })),
    })),
  };
}
