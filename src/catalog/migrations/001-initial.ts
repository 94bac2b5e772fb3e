import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('receipts')
    .addColumn('file_id', 'varchar', (c) => c.primaryKey())
    .addColumn('sha256', 'varchar', (c) => c.notNull().unique())
    .addColumn('file_name', 'varchar', (c) => c.notNull())
    .addColumn('departement', 'varchar')
    .addColumn('annee', 'integer')
    .addColumn('year_source', 'varchar')
    .addColumn('decree', 'varchar')
    .addColumn('format', 'varchar')
    .addColumn('encoding', 'varchar')
    .addColumn('datexport', 'varchar')
    .addColumn('received_at', 'varchar', (c) => c.notNull())
    .addColumn('status', 'varchar', (c) => c.notNull())
    .addColumn('n_records', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n_duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n_warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n_infos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('superseded_by', 'varchar')
    .addColumn('rejection', 'varchar')
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('runs')
    .addColumn('run_id', 'varchar', (c) => c.primaryKey())
    .addColumn('trigger', 'varchar', (c) => c.notNull())
    .addColumn('started_at', 'varchar', (c) => c.notNull())
    .addColumn('ended_at', 'varchar')
    .addColumn('status', 'varchar', (c) => c.notNull())
    .addColumn('files', 'varchar', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('stage_results', 'varchar', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('runs').execute();
  await db.schema.dropTable('receipts').execute();
}
