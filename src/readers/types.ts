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

export interface FileDescription {
  readonly format: FileFormat;
  readonly encoding: FileEncoding;
  /** Delimiter of a delimited file; null for XML. */
  readonly delimiter: ';' | ',' | '\t' | null;
  /** DATEXPORT of the XML INTRO as written, null when absent (and for delimited files). */
  readonly datexport: string | null;
  readonly versionxsd: string | null;
}

/** Known once every batch has been read. */
export interface ReadSummary {
  readonly nRecords: number;
  /** Dictionary variables present at least once (XML elements seen, or header columns). */
  readonly variablesPresent: ReadonlySet<string>;
  /** Names that are not dictionary variables (upper case), in order of first appearance. */
  readonly unexpectedVariables: readonly string[];
  readonly decree: Decree;
}

export interface FileReader {
  readonly description: FileDescription;
  /** Streams the records; throws FileRejectedError when the file turns out broken midway. */
  batches(): AsyncIterable<RecordBatch>;
  /** Available after `batches()` has been fully consumed. */
  summary(): ReadSummary;
}

export type OpenReader = (path: string, options?: { workers?: number; batchSize?: number }) => Promise<FileReader>;
export type { FileRejectedError };
