/**
 * What is exported: every table of the contract (required), the other tables of the national
 * base researchers use when they exist, and `labels`. Each with its Hive partitioning, the sort
 * that gives it locality and whether it is small enough for the Arrow IPC copy. The order is
 * total: the sort columns hold a unique key, or every other column follows them.
 */
export interface ExportTable {
  readonly name: string;
  /** Hive partition columns, in directory order (none: one file). */
  readonly partitionBy: readonly string[];
  /** Leading sort columns within a file. */
  readonly sortBy: readonly string[];
  /** The sort columns include a unique key of the table (no other column needed to break ties). */
  readonly sortIsUnique: boolean;
  /** A contract table: its absence is an error. */
  readonly required: boolean;
  /** Also written as Arrow IPC (Feather v2). */
  readonly arrow: boolean;
}

const table = (
  name: string,
  partitionBy: readonly string[],
  sortBy: readonly string[],
  opts: { required?: boolean; arrow?: boolean; unique?: boolean } = {},
): ExportTable =>
  Object.freeze({
    name,
    partitionBy,
    sortBy,
    sortIsUnique: opts.unique ?? true,
    required: opts.required ?? false,
    arrow: opts.arrow ?? false,
  });

export const EXPORT_TABLES: readonly ExportTable[] = Object.freeze([
  table('receipts', [], ['departement', 'annee', 'received_at', 'file_id'], { required: true, arrow: true }),
  table('base_annee', ['departement', 'annee'], ['child_id', 'file_id', 'record_no'], { required: true }),
  table('findings', ['departement', 'annee'], ['file_id', 'record_no', 'rule', 'variable'], {
    required: true,
    unique: false,
  }),
  table('rules', [], ['code'], { arrow: true }),
  table('children', [], ['child_id'], { required: true }),
  table('periods', ['departement'], ['child_id', 'measure_id', 'period_id'], { required: true }),
  table('measures', ['departement'], ['child_id', 'measure_id'], { required: true }),
  table('stock_31dec', [], ['departement', 'annee', 'drees_category'], { required: true, arrow: true }),
  table('stock_31dec_totals', [], [], { arrow: true, unique: false }),
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

/** The ORDER BY columns of a table in a file: partitions, sort keys, then the rest unless the keys are unique. */
export function sortOrder(spec: ExportTable, columns: readonly string[], withPartitions: boolean): string[] {
  const leading = [...(withPartitions ? spec.partitionBy : []), ...spec.sortBy].filter((c) =>
    columns.includes(c),
  );
  const keysPresent = spec.sortBy.every((c) => columns.includes(c));
  if (spec.sortIsUnique && keysPresent && spec.sortBy.length > 0) return leading;
  return [...leading, ...columns.filter((c) => !leading.includes(c))];
}
