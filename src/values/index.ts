/** Typing of raw values and pseudonymisation of transitional numbers. */
export { createRecordTyper } from './typer.js';
export { createPseudonymiser, isUsableTransitional, describeTransitional } from './pseudonymise.js';
export type { PseudonymisationMethod } from './pseudonymise.js';
export { parseDate, parseYearMonth } from './dates.js';
export type { Pseudonymiser, TypedRecord, ValueFinding } from './types.js';
