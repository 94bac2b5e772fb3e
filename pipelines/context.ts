/** What the stages of a build share: configuration, catalog, and what earlier stages produced. */
import type { Config, DataPaths } from '../src/config.js';
import type { Catalog } from '../src/catalog/index.js';
import type { InboxFile } from '../src/ingest/inbox.js';
import type { IngestOutcome } from '../src/ingest/ingest-file.js';
import type { Pseudonymiser } from '../src/values/types.js';
import type { WarehouseBuild } from '../src/warehouse/build-warehouse.js';

export interface BuildContext {
  readonly config: Config;
  readonly paths: DataPaths;
  readonly catalog: Catalog;
  readonly runId: string;
  /** Rebuild everything from the stored Bases Années even when nothing new arrived. */
  readonly full: boolean;
  /** Files to receive; the inbox is listed when undefined. */
  readonly files?: readonly string[];
  /** Year declared for the files (`ingest --year`). */
  readonly declaredYear?: number;
  /** Loads the key only when a file has to be ingested. */
  readonly pseudonymiser: () => Pseudonymiser;
  readonly onProgress?: (event: ProgressEvent) => void;
  received: InboxFile[];
  outcomes: IngestOutcome[];
  warehouse?: WarehouseBuild;
  /** Fingerprint of the inputs of the national base (set by the national stage). */
  fingerprint?: string;
  /** Why the national rebuild did nothing, when it did nothing. */
  upToDate?: string;
}

export type ProgressEvent =
  | { kind: 'file-start'; name: string; index: number; total: number }
  | { kind: 'file-done'; outcome: IngestOutcome; index: number; total: number }
  | { kind: 'stage'; name: string; status: string; ms: number };
