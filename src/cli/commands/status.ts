import { defineCommand } from 'citty';
import { existsSync, statSync } from 'node:fs';
import {
  exportsFingerprint,
  inputsFingerprint,
  publishedFingerprint,
  reportsFingerprint,
} from '../../runner/fingerprint.js';
import { dataPaths, loadConfig } from '../../config.js';
import { openCatalog } from '../../catalog/index.js';
import { listReceipts, type Receipt } from '../../catalog/receipts.js';
import { lastRuns } from '../../runner/ledger.js';
import { listInbox } from '../../ingest/inbox.js';
import { commonArgs, EXIT } from '../exit.js';
import { formatTable, printJson } from '../output.js';

/** département × year → the status of its newest receipt (active wins over superseded/rejected). */
function coverage(receipts: readonly Receipt[]) {
  const cells = new Map<string, Map<number, string>>();
  for (const r of receipts) {
    if (r.departement === null || r.annee === null) continue;
    const row = cells.get(r.departement) ?? new Map<number, string>();
    const current = row.get(Number(r.annee));
    if (current !== 'active') row.set(Number(r.annee), r.status);
    cells.set(r.departement, row);
  }
  const years = [...new Set(receipts.filter((r) => r.annee !== null).map((r) => Number(r.annee)))].sort();
  const rows = [...cells.keys()].sort().map((dep) => ({
    departement: dep,
    ...Object.fromEntries(years.map((y) => [String(y), cells.get(dep)?.get(y) ?? 'missing'])),
  }));
  return { years, rows };
}

const SYMBOL: Record<string, string> = {
  active: 'reçu',
  superseded: 'remplacé',
  rejected: 'rejeté',
  missing: '—',
};

export default defineCommand({
  meta: { name: 'status', description: 'receipts by département × year, the last runs, and what is stale' },
  args: { ...commonArgs },
  async run({ args }) {
    const config = loadConfig(args.data ? { dataDir: args.data } : {});
    const paths = dataPaths(config);
    const catalog = await openCatalog({ url: config.catalogUrl, duckdbPath: paths.catalogDb });
    try {
      const receipts = await listReceipts(catalog.db);
      const runs = await lastRuns(catalog.db, 10);
      const waiting = listInbox(paths.inbox).map((f) => f.name);
      const published = existsSync(paths.warehouse) ? statSync(paths.warehouse).mtime.toISOString() : null;
      const current = inputsFingerprint(receipts);
      const stale = {
        files_waiting_in_inbox: waiting,
        national_base_published_at: published,
        national_base_stale: (await publishedFingerprint(paths.warehouse)) !== current,
        reports_stale: reportsFingerprint(paths.reports) !== current,
        exports_stale: exportsFingerprint(paths.exports) !== current,
      };
      const cov = coverage(receipts);
      if (args.json) {
        printJson({ coverage: cov.rows, receipts, runs, stale });
        return EXIT.ok;
      }
      console.log('Couverture (département × année)\n');
      console.log(
        formatTable(
          cov.rows.map((r) =>
            Object.fromEntries(
              Object.entries(r).map(([k, v]) => [k, k === 'departement' ? v : (SYMBOL[v] ?? v)]),
            ),
          ),
        ),
      );
      console.log('\nDerniers passages\n');
      console.log(
        formatTable(
          runs.map((r) => ({
            run: r.run_id,
            trigger: r.trigger,
            started: r.started_at,
            ended: r.ended_at,
            status: r.status,
          })),
        ),
      );
      console.log('\nÀ jour ?\n');
      console.log(
        `fichiers en attente dans la boîte de réception : ${waiting.length === 0 ? 'aucun' : waiting.join(', ')}`,
      );
      console.log(`base nationale publiée : ${published ?? 'jamais'}`);
      const staleOutputs = [
        stale.national_base_stale ? 'la base nationale' : null,
        stale.reports_stale ? 'les rapports' : null,
        stale.exports_stale ? 'les exports' : null,
      ].filter((x) => x !== null);
      console.log(
        staleOutputs.length === 0
          ? 'base nationale, rapports et exports à jour des fichiers reçus'
          : `à reconstruire (olinpe build) : ${staleOutputs.join(', ')}`,
      );
      return EXIT.ok;
    } finally {
      await catalog.close();
    }
  },
});
