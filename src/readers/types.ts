/**
 * What a reader hands to the ingestion: records as raw text, one slot per dictionary variable.
 */
import type { FileRejectedError } from '../errors.js';

/**
 * One received record (XML `DONNEE` or delimited line): the raw text of each variable, trimmed,
 * at its index in `VARIABLES` (see `VARIABLE_INDEX`); null when the element or cell is absent or empty.
 */
export type RawRecord = (string | null)[];

export type FileFormat = 'xml' | 'csv';
export type FileEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1';
export type Decree = '2016' | '2011' | 'unknown';

export interface RecordBatch {
  /** 1-based number of the first record of the batch in the file. */
  readonly firstRecordNo: number;
  readonly records: readonly RawRecord[];
}

/**
 * A file-level observation made while reading (not a rejection): a kebab-case rule code of the
 * catalogue (`encodage-non-conforme`…) and the value concerned, if any (never a record's content).
 */
export interface FileNote {
  readonly rule: string;
  readonly value: string | null;
}

export interface FileDescription {
  readonly format: FileFormat;
  readonly encoding: FileEncoding;
  /** Delimiter of a delimited file; null for XML. */
  readonly delimiter: ';' | ',' | '\t' | null;
  /** DATEXPORT of the XML INTRO as written, null when absent (and for delimited files). */
  readonly datexport: string | null;
  readonly versionxsd: string | null;
  /**
   * File-level observations, each (rule, value) once. Those known at opening are here at once;
   * the list grows while the batches are read (an invalid UTF-8 sequence deep in the file):
   * complete once `batches()` has been consumed (also in `ReadSummary.notes`).
   */
  readonly notes: readonly FileNote[];
}

/** Known once every batch has been read. */
export interface ReadSummary {
  readonly nRecords: number;
  /** Dictionary variables present at least once (XML elements seen, or header columns). */
  readonly variablesPresent: ReadonlySet<string>;
  /** Names that are not dictionary variables (upper case), in order of first appearance. */
  readonly unexpectedVariables: readonly string[];
  readonly decree: Decree;
  /** The final list of file-level observations (same array as `FileDescription.notes`). */
  readonly notes: readonly FileNote[];
}

export interface FileReader {
  readonly description: FileDescription;
  /** Streams the records; throws FileRejectedError when the file turns out broken midway. */
  batches(): AsyncIterable<RecordBatch>;
  /** Available after `batches()` has been fully consumed. */
  summary(): ReadSummary;
}

export interface OpenReaderOptions {
  /** Threads parsing XML (default: the cores, at most 4; 1 parses in the calling thread). */
  readonly workers?: number;
  /** Records per batch at most (default 10 000). */
  readonly batchSize?: number;
  /** Size of the blocks read (default 4 MiB); small values are for tests of the chunking. */
  readonly chunkBytes?: number;
}

export type OpenReader = (path: string, options?: OpenReaderOptions) => Promise<FileReader>;
export type { FileRejectedError };
