/**
 * HTML of the reports: one escaping function, a tagged template that escapes every
 * interpolation unless it is already `Html`, and the page shell (inline CSS, prints well).
 */

/** Markup that is already safe (built by `html` or rendered by the chart library). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escaping function of the reports. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function part(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup (an SVG from the chart library). */
export const trusted = (markup: string): Html => new Html(markup);

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 14px; color: #111;
  background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px; line-height: 1.4; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid #111; padding-bottom: 2px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.sub { color: #444; margin: 0 0 16px; }
p.verdict { font-size: 16px; font-weight: bold; border: 2px solid #111; padding: 8px 12px; }
p.note, .note { color: #444; font-size: 12px; }
table { border-collapse: collapse; margin: 6px 0 14px; width: auto; }
th, td { border: 1px solid #888; padding: 3px 8px; vertical-align: top; }
th { background: #e8e8e8; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.identity dt { font-weight: bold; }
dl.identity dd { margin: 0; word-break: break-all; }
.sev-error { font-weight: bold; }
.sev-warning { font-style: italic; }
.cov-recu { background: #fff; }
.cov-corrige { background: #e8e8e8; }
.cov-refuse { background: #bbb; font-weight: bold; }
.cov-manquant { color: #777; }
figure { margin: 8px 0 16px; }
figcaption { font-size: 12px; color: #444; }
nav a { margin-right: 12px; }
code { font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  nav { display: none; }
}
`;

/** A complete, self-contained French page. */
export function page(title: string, body: Html): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.value}
</body>
</html>
`;
}
