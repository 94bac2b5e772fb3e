/** Kysely types of the catalog tables (receipts, runs, run stages). */
export type ReceiptStatus = 'active' | 'superseded' | 'rejected';

export interface ReceiptsTable {
  file_id: string;
  sha256: string;
  /** Name of the file as received (no path). */
  file_name: string;
  departement: string | null;
  annee: number | null;
  /** Where the year came from: option, manifest, filename, dates. */
  year_source: string | null;
  decree: string | null;
  format: string | null;
  encoding: string | null;
  datexport: string | null;
  received_at: string;
  status: ReceiptStatus;
  n_records: number;
  n_rejected: number;
  n_duplicates: number;
  n_errors: number;
  n_warnings: number;
  n_infos: number;
  /** file_id of the receipt that replaced this one. */
  superseded_by: string | null;
  /** Why a rejected file was rejected (French). */
  rejection: string | null;
  size_bytes: number;
}

export interface RunsTable {
  run_id: string;
  trigger: string;
  started_at: string;
  ended_at: string | null;
  status: string;
  /** JSON array of the file_ids ingested by the run. */
  files: string;
  /** JSON array of the stage results. */
  stage_results: string;
}

export interface RunStagesTable {
  run_id: string;
  stage: string;
  status: string;
  started_at: string;
  duration_ms: number;
  /** JSON object of rows written per table. */
  rows: string;
  error: string | null;
}

export interface CatalogSchema {
  receipts: ReceiptsTable;
  runs: RunsTable;
  run_stages: RunStagesTable;
}
