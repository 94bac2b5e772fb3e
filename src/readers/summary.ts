/**
 * What a reader learns about a file while reading it: the counts, the variables met, the
 * unexpected names, the décret, the file-level notes.
 */
import { DECREE_MARKERS, VARIABLES } from '../dictionary/index.js';
import type { Decree, FileNote, ReadSummary } from './types.js';

/** '2016' when TYPEV (else DATDEB/DATFIN) is present, '2011' for CODEV (else DATDEBAD…); never VERSIONXSD. */
export function detectDecree(names: ReadonlySet<string>): Decree {
  if (names.has('TYPEV')) return '2016';
  if (names.has('CODEV')) return '2011';
  if (DECREE_MARKERS['2016'].some((n) => names.has(n))) return '2016';
  if (DECREE_MARKERS['2011'].some((n) => names.has(n))) return '2011';
  return 'unknown';
}

export class SummaryBuilder {
  nRecords = 0;
  /** Shared with the file description, so that notes found while reading show there too. */
  readonly notes: FileNote[] = [];
  private readonly noteKeys = new Set<string>();
  private readonly seen = new Uint8Array(VARIABLES.length);
  private readonly unexpected: string[] = [];
  private readonly unexpectedSet = new Set<string>();
  private done = false;

  note(rule: string, value: string | null): void {
    const key = `${rule}\u0000${value ?? ''}`;
    if (this.noteKeys.has(key)) return;
    this.noteKeys.add(key);
    this.notes.push({ rule, value });
  }

  see(indices: Iterable<number>): void {
    for (const i of indices) this.seen[i] = 1;
  }

  unexpectedName(upper: string): void {
    if (this.unexpectedSet.has(upper)) return;
    this.unexpectedSet.add(upper);
    this.unexpected.push(upper);
  }

  finish(): void {
    this.done = true;
  }

  summary(): ReadSummary {
    if (!this.done) throw new Error('summary() is available once batches() has been fully consumed');
    const variablesPresent = new Set(VARIABLES.filter((_, i) => this.seen[i] === 1).map((v) => v.name));
    const all = new Set([...variablesPresent, ...this.unexpected]);
    return Object.freeze({
      nRecords: this.nRecords,
      variablesPresent,
      unexpectedVariables: Object.freeze([...this.unexpected]),
      decree: detectDecree(all),
      notes: this.notes,
    });
  }
}
