/** The catalog's receipts copied into the national base as the contract table `receipts`. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Receipt } from '../catalog/receipts.js';

export async function createReceiptsTable(
  conn: DuckDBConnection,
  receipts: readonly Receipt[],
): Promise<void> {
  await conn.run(`create or replace table receipts (
    file_id VARCHAR primary key, sha256 VARCHAR, file_name VARCHAR, departement VARCHAR, annee SMALLINT,
    year_source VARCHAR, decree VARCHAR, format VARCHAR, encoding VARCHAR, datexport VARCHAR,
    received_at TIMESTAMP, status VARCHAR, n_records INTEGER, n_rejected INTEGER, n_duplicates INTEGER,
    n_errors INTEGER, n_warnings INTEGER, n_infos INTEGER, superseded_by VARCHAR, rejection VARCHAR,
    size_bytes BIGINT)`);
  for (const r of receipts) {
    await conn.run(
      `insert into receipts values ($file_id, $sha256, $file_name, $departement, $annee, $year_source, $decree,
        $format, $encoding, $datexport, $received_at::timestamp, $status, $n_records, $n_rejected, $n_duplicates,
        $n_errors, $n_warnings, $n_infos, $superseded_by, $rejection, $size_bytes)`,
      {
        ...r,
        annee: r.annee === null ? null : Number(r.annee),
        received_at: r.received_at.replace('T', ' ').replace('Z', ''),
        n_records: Number(r.n_records),
        n_rejected: Number(r.n_rejected),
        n_duplicates: Number(r.n_duplicates),
        n_errors: Number(r.n_errors),
        n_warnings: Number(r.n_warnings),
        n_infos: Number(r.n_infos),
        size_bytes: BigInt(r.size_bytes),
      },
    );
  }
}
