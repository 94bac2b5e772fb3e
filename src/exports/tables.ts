/**
 * What is exported: every table of the contract (required), the other tables of the national
 * base researchers use when they exist, and `labels`. Each with its Hive partitioning, the sort
 * that gives it locality (then every other column, so the order is total) and whether it is small
 * enough for the Arrow IPC copy.
 */
export interface ExportTable {
  readonly name: string;
  /** Hive partition columns, in directory order (none: one file). */
  readonly partitionBy: readonly string[];
  /** Leading sort columns within a file. */
  readonly sortBy: readonly string[];
  /** A contract table: its absence is an error. */
  readonly required: boolean;
  /** Also written as Arrow IPC (Feather v2). */
  readonly arrow: boolean;
}

const table = (
  name: string,
  partitionBy: readonly string[],
  sortBy: readonly string[],
  opts: { required?: boolean; arrow?: boolean } = {},
): ExportTable =>
  Object.freeze({ name, partitionBy, sortBy, required: opts.required ?? false, arrow: opts.arrow ?? false });

export const EXPORT_TABLES: readonly ExportTable[] = Object.freeze([
  table('receipts', [], ['departement', 'annee', 'received_at', 'file_id'], { required: true, arrow: true }),
  table('base_annee', ['departement', 'annee'], ['child_id', 'file_id', 'record_no'], { required: true }),
  table('findings', ['departement', 'annee'], ['file_id', 'record_no', 'rule', 'variable'], {
    required: true,
  }),
  table('rules', [], ['code'], { arrow: true }),
  table('children', [], ['child_id'], { required: true }),
  table('periods', ['departement'], ['child_id', 'measure_id', 'period_id'], { required: true }),
  table('measures', ['departement'], ['child_id', 'measure_id'], { required: true }),
  table('stock_31dec', [], ['departement', 'annee', 'drees_category'], { required: true, arrow: true }),
  table('stock_31dec_totals', [], [], { arrow: true }),
  table('parcours', [], ['child_id', 'kind', 'spell_no'], { required: true }),
  table('mobility', [], ['child_id']),
  table('entries', [], ['child_id']),
  table('entry_cohorts', [], ['entry_year'], { arrow: true }),
  table('labels', [], ['variable', 'code'], { arrow: true }),
]);

/** Partition column types, for readers: `hive_types` in DuckDB, a partitioning schema in R and Python. */
export const PARTITION_TYPES: Readonly<Record<string, string>> = Object.freeze({
  departement: 'VARCHAR',
  annee: 'SMALLINT',
});
