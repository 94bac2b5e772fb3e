/**
 * The national identity graph (domain §5): links NUMANONYMANT → NUMANONYM, refused ones set
 * apart, connected components found by label propagation with shortcutting, repeated from
 * TypeScript until no label changes. Each node's label is the rank of the number of its
 * component that appeared first (file year, then value), so child_id never depends on order.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { createRelation, query } from '../warehouse/duckdb.js';

/** Safety net: a chain of numbers never has more links than there are years of files. */
const MAX_ITERATIONS = 200;

/** Builds `identity_links`, `identity_edges` and `child_map(number, child_id)`; returns the iterations. */
export async function buildIdentity(conn: DuckDBConnection, log: Logger): Promise<number> {
  await createRelation(conn, 'national/identity_links', 'identity_links');
  await createRelation(conn, 'national/identity_edges', 'identity_edges');
  await createRelation(conn, 'national/identity_labels_init', 'identity_labels');
  let iterations = 0;
  for (;;) {
    iterations += 1;
    if (iterations > MAX_ITERATIONS) throw new Error('identity graph: label propagation did not converge');
    await createRelation(conn, 'national/identity_labels_step', 'identity_labels_next', {
      labels: 'identity_labels',
    });
    const [row] = await query<{ changed: bigint | number }>(
      conn,
      `select count(*) as changed from identity_labels_next n join identity_labels l using (number) where n.label <> l.label`,
    );
    await conn.run('drop table identity_labels');
    await conn.run('alter table identity_labels_next rename to identity_labels');
    if (Number(row?.changed ?? 0) === 0) break;
  }
  await createRelation(conn, 'national/child_map', 'child_map', { labels: 'identity_labels' });
  log.debug({ iterations }, 'identity graph resolved');
  return iterations;
}
