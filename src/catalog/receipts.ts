/** Reading and writing receipts. */
import type { CatalogDb } from './index.js';
import type { ReceiptsTable } from './schema.js';

export type Receipt = ReceiptsTable;

export async function findReceiptBySha(db: CatalogDb, sha256: string): Promise<Receipt | undefined> {
  return db.selectFrom('receipts').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function listReceipts(db: CatalogDb): Promise<Receipt[]> {
  return db.selectFrom('receipts').selectAll().orderBy('received_at').orderBy('file_id').execute();
}

export async function activeReceipts(db: CatalogDb): Promise<Receipt[]> {
  return db
    .selectFrom('receipts')
    .selectAll()
    .where('status', '=', 'active')
    .orderBy('departement')
    .orderBy('annee')
    .execute();
}

/**
 * Records an accepted receipt: it becomes the active one for its (département, year) and
 * the previous active one, if any, is marked superseded. One transaction.
 */
export async function recordAcceptedReceipt(db: CatalogDb, receipt: Receipt): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('receipts')
      .select('file_id')
      .where('status', '=', 'active')
      .where('departement', '=', receipt.departement)
      .where('annee', '=', receipt.annee)
      .execute();
    for (const p of previous) {
      await trx
        .updateTable('receipts')
        .set({ status: 'superseded', superseded_by: receipt.file_id })
        .where('file_id', '=', p.file_id)
        .execute();
    }
    await trx.insertInto('receipts').values(receipt).execute();
    return previous[0]?.file_id ?? null;
  });
}

export async function recordRejectedReceipt(db: CatalogDb, receipt: Receipt): Promise<void> {
  await db
    .insertInto('receipts')
    .values({ ...receipt, status: 'rejected' })
    .execute();
}
