/** The livrets d'échanges, tableaux de bord and index of the reports. */
export { buildReports, type BuildReportsInput, type BuildReportsResult } from './build-reports.js';
export { escapeHtml } from './html.js';
export { CATEGORY_LABELS, categoryLabel, maskedCount, SMALL_COUNT_TEXT } from './labels.js';
export { VARIABLE_SCOPES, isConditional } from './expected-use.js';
