import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('run_stages')
    .addColumn('run_id', 'varchar', (c) => c.notNull())
    .addColumn('stage', 'varchar', (c) => c.notNull())
    .addColumn('status', 'varchar', (c) => c.notNull())
    .addColumn('started_at', 'varchar', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('rows', 'varchar', (c) => c.notNull())
    .addColumn('error', 'varchar')
    .addPrimaryKeyConstraint('run_stages_pk', ['run_id', 'stage'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('run_stages').execute();
}
