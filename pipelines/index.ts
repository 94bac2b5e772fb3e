/** The registry of stages; the runner orders them by their dependencies. */
import type { Stage } from '../src/runner/stage.js';
import type { BuildContext } from './context.js';
import receive from './receive.js';
import ingest from './ingest.js';
import national from './national.js';
import exportsStage from './exports.js';
import reports from './reports.js';

export const BUILD_STAGES: readonly Stage<BuildContext>[] = [
  receive,
  ingest,
  national,
  reports,
  exportsStage,
];
export const INGEST_STAGES: readonly Stage<BuildContext>[] = [receive, ingest];
