/** `reports/index.html`: coverage département × year, national figures, links to every report. */
import { variable } from '../dictionary/index.js';
import type { CoverageRow, ReportData } from './data.js';
import { html, page } from './html.js';
import {
  CATEGORY_LABELS,
  countOf,
  COVERAGE_LABELS,
  departementLabel,
  formatInt,
  formatRatio,
  maskedCount,
} from './labels.js';

export interface IndexInput {
  readonly data: ReportData;
  /** Départements with a dashboard. */
  readonly dashboards: readonly string[];
  readonly generatedAt: string;
}

/** Every département code of the dictionary, then any other code received. */
export function allDepartements(received: readonly string[]): string[] {
  const known = variable('NUMDEP').codes.map((c) => c.code);
  return [...known, ...received.filter((d) => !known.includes(d)).sort()];
}

function coverageCell(c: CoverageRow | undefined, d: string, y: number): ReturnType<typeof html> {
  if (c === undefined) return html`<td class="cov-manquant">${COVERAGE_LABELS.manquant}</td>`;
  const text = COVERAGE_LABELS[c.status] ?? c.status;
  const extra = [
    c.n_superseded > 0 ? countOf(c.n_superseded, 'remplacé') : '',
    c.n_rejected > 0 && c.status !== 'refuse' ? countOf(c.n_rejected, 'refusé') : '',
  ].filter((s) => s !== '');
  return html`<td class="cov-${c.status}">
    <a href="${`${d}/${y}/livret.html`}">${text}</a
    >${extra.length > 0 ? html`<br /><span class="note">${extra.join(', ')}</span>` : html``}
  </td>`;
}

export function renderIndex(input: IndexInput): string {
  const { data } = input;
  const received = [...new Set(data.coverage.map((c) => c.annee))];
  const first = Math.min(...received);
  const years =
    received.length === 0
      ? []
      : Array.from({ length: Math.max(...received) - first + 1 }, (_, i) => first + i);
  const deps = allDepartements([...new Set(data.coverage.map((c) => c.departement))]);
  const byCell = new Map(data.coverage.map((c) => [`${c.departement}|${c.annee}`, c]));
  const perYear = years.map((y) => {
    const files = data.receipts.filter((r) => r.annee === y && r.departement !== null);
    const active = files.filter((r) => r.status === 'active');
    return {
      y,
      departements: new Set(active.map((r) => r.departement)).size,
      files: files.length,
      records: active.reduce((s, r) => s + r.n_records, 0),
      rejected: active.reduce((s, r) => s + r.n_rejected, 0),
      refused: files.filter((r) => r.status === 'rejected').length,
    };
  });
  const unplaced = data.receipts.filter((r) => r.departement === null || r.annee === null).length;
  const stockYears = [...new Set(data.stock.filter((r) => r.departement === null).map((r) => r.annee))].sort(
    (a, b) => a - b,
  );
  const france = (y: number, c: string): number =>
    data.stock.find((r) => r.departement === null && r.annee === y && r.drees_category === c)?.n_measures ??
    0;
  const title = 'OLINPE — rapports de la base nationale';
  const body = html`<header>
      <h1>${title}</h1>
      <p class="sub">Observatoire national de la protection de l'enfance. Produit le ${input.generatedAt}.</p>
    </header>
    <h2>Couverture des Bases Années</h2>
    <p class="note">
      reçu : Base Année intégrée ; reçu, corrigé : un fichier corrigé a remplacé un envoi précédent ; refusé :
      fichier reçu mais refusé ; manquant : aucun fichier reçu. Chaque case mène au livret d'échanges du
      fichier.
    </p>
    ${
      years.length === 0
        ? html`<p>Aucun fichier reçu.</p>`
        : html`<table class="coverage">
            <thead>
              <tr>
                <th>Département</th>
                ${years.map((y) => html`<th>${y}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${deps.map(
                (d) =>
                  html`<tr>
                    <th>
                      ${input.dashboards.includes(d) ? html`<a href="${`${d}/tableau-de-bord.html`}">${departementLabel(d)}</a>` : departementLabel(d)}
                    </th>
                    ${years.map((y) => coverageCell(byCell.get(`${d}|${y}`), d, y))}
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${unplaced > 0 ? html`<p>${countOf(unplaced, 'fichier refusé', 'fichiers refusés')} sans département ni année identifiables.</p>` : html``}
    <h2>Chiffres nationaux</h2>
    <table class="national">
      <thead>
        <tr>
          <th>Année</th>
          <th class="n">Départements</th>
          <th class="n">Fichiers reçus</th>
          <th class="n">Fichiers refusés</th>
          <th class="n">Enregistrements</th>
          <th class="n">Enregistrements rejetés</th>
        </tr>
      </thead>
      <tbody>
        ${perYear.map(
          (p) =>
            html`<tr>
              <td>${p.y}</td>
              <td class="n">${formatInt(p.departements)}</td>
              <td class="n">${formatInt(p.files)}</td>
              <td class="n">${formatInt(p.refused)}</td>
              <td class="n">${formatInt(p.records)}</td>
              <td class="n">${formatInt(p.rejected)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      stockYears.length === 0
        ? html``
        : html`<table class="stock-france">
            <caption>
              Mesures en cours au 31 décembre, France (départements ayant transmis)
            </caption>
            <thead>
              <tr>
                <th>Catégorie</th>
                ${stockYears.map((y) => html`<th class="n">${y}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${CATEGORY_LABELS.map(
                (c) =>
                  html`<tr>
                    <td>${c.labelFr}</td>
                    ${stockYears.map((y) => html`<td class="n">${maskedCount(france(y, c.code))}</td>`)}
                  </tr>`,
              )}
              <tr class="total">
                <th>Ensemble</th>
                ${stockYears.map((y) => html`<th class="n">${maskedCount(CATEGORY_LABELS.reduce((s, c) => s + france(y, c.code), 0))}</th>`)}
              </tr>
            </tbody>
          </table>`
    }
    ${
      data.drees === null
        ? html``
        : html`<table class="drees-france">
            <caption>
              France : OLINPE et DREES (départements présents dans les deux sources)
            </caption>
            <thead>
              <tr>
                <th>Année</th>
                <th>Catégorie</th>
                <th class="n">OLINPE</th>
                <th class="n">DREES</th>
                <th class="n">Rapport</th>
              </tr>
            </thead>
            <tbody>
              ${data.drees
                .filter((r) => r.drees_departement === null)
                .map(
                  (r) =>
                    html`<tr>
                      <td>${r.annee}</td>
                      <td>
                        ${CATEGORY_LABELS.find((c) => c.code === r.drees_category)?.labelFr ?? r.drees_category}
                      </td>
                      <td class="n">${maskedCount(r.n_olinpe)}</td>
                      <td class="n">${maskedCount(r.n_drees)}</td>
                      <td class="n">${formatRatio(r.ratio)}</td>
                    </tr>`,
                )}
            </tbody>
          </table>`
    }
    <h2>Tous les rapports</h2>
    <ul class="reports">
      ${deps
        .filter((d) => input.dashboards.includes(d))
        .map(
          (d) =>
            html`<li>
              <a href="${`${d}/tableau-de-bord.html`}">Tableau de bord — ${departementLabel(d)}</a>
              <ul>
                ${data.coverage
                  .filter((c) => c.departement === d)
                  .map(
                    (c) =>
                      html`<li>
                        <a href="${`${d}/${c.annee}/livret.html`}">Livret d'échanges ${c.annee}</a> (<a
                          href="${`${d}/${c.annee}/findings.csv`}"
                          >constats CSV</a
                        >)
                      </li>`,
                  )}
              </ul>
            </li>`,
        )}
    </ul>`;
  return page(title, body);
}
