/** The simulated objects: children, their measures, and the events emitted from them. */
import type { Day } from './dates.js';
import type { MeasureKind } from './kinds.js';

export interface SimChild {
  /** Synthetic serial written in the truth instead of any transitional number. */
  readonly serial: string;
  readonly sexe: '1' | '2';
  readonly birthYear: number;
  readonly birthMonth: number;
  /** Transitional number (40 upper-case hex) as the départements send it. */
  readonly number: string;
  /** Identity corrected: from this file year on the child is sent under `newNumber`. */
  numberChange: { readonly year: number; readonly newNumber: string } | null;
  readonly isMover: boolean;
}

export interface SimMeasure {
  readonly serial: number;
  readonly departement: string;
  readonly kind: MeasureKind;
  readonly child: SimChild;
  readonly decisionDay: Day;
  readonly startDay: Day;
  /** The real end; may lie after the last simulated year (still open then). */
  readonly endDay: Day;
  /** Decision (= start) days of the renewals (TYPEV=2). */
  readonly renewals: readonly Day[];
  readonly motfinint: string;
  readonly motifml: string | null;
  readonly typinterdom: string | null;
  readonly typdecjud: string | null;
  readonly natdecplac: string | null;
  readonly institplac: string | null;
  readonly lieuacc: string | null;
  readonly lieuplac: string | null;
  /** Defect: the end record is never sent. */
  endNotSent: boolean;
  /** Defect: DATDEB sent with an unknown day (`aaaa-mm-99`). */
  partialStart: boolean;
}

/** One record as the département sends it, before serialisation. */
export interface EmittedEvent {
  readonly departement: string;
  /** Year of the file that holds the record. */
  readonly year: number;
  readonly measure: SimMeasure;
  readonly child: SimChild;
  readonly typev: '1' | '2' | '3';
  /** Index of the period the record belongs to (0: the first decision). */
  readonly period: number;
  readonly datdecpe: string;
  readonly datdeb: string;
  readonly datfin: string | null;
  /** Day used for the age of the record (DATDECPE, as the historical checks do). */
  readonly refDay: Day;
  /** Defect: NUMANONYM unusable, the record is rejected by the pipeline. */
  invalidNumber: string | null;
  /** Serialisation-only defects. */
  ddmmyyyy: boolean;
  invalidCode: { readonly variable: string; readonly value: string } | null;
  /** INTERANT changed to another valid code (administrative or judicial duplicate of its original). */
  otherInterant: boolean;
  /** Seeds the filling of the other variables: copies and re-sent files repeat the same values. */
  serial: number;
}
