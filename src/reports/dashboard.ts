/**
 * The tableau de bord of one département over all its years, with France beside it. Counts from
 * 1 to 4 are shown as "< 5" (and drawn as no bar); medians over fewer than 5 measures are not shown.
 */
import { barChart, lineChart } from './charts.js';
import type {
  AgeSexRow,
  DreesRow,
  DurationRow,
  EntriesRow,
  PlacementRow,
  ReportData,
  ScoreRow,
  StockRow,
} from './data.js';
import { html, page, type Html } from './html.js';
import {
  AGE_GROUPS,
  CATEGORY_LABELS,
  SEX_LABELS,
  ageGroupLabel,
  departementLabel,
  formatDecimal,
  formatPercent,
  formatRatio,
  isSmallCount,
  maskedCount,
} from './labels.js';

/** Below this many measures a median duration is not shown. */
export const MIN_MEASURES_FOR_MEDIAN = 5;
const DAYS_PER_MONTH = 365.25 / 12;

const sameDep =
  (dep: string | null) =>
  (r: { departement: string | null }): boolean =>
    r.departement === dep;

const barValue = (n: number): number | null => (isSmallCount(n) ? null : n);

function stockSection(d: string, stock: readonly StockRow[], charts: { bar: Html }): Html {
  const mine = stock.filter(sameDep(d));
  const years = [...new Set(mine.map((r) => r.annee))].sort((a, b) => a - b);
  const last = years.at(-1);
  if (last === undefined) return html`<p>Aucun stock calculé : aucune Base Année en vigueur.</p>`;
  const cell = (rows: readonly StockRow[], dep: string | null, y: number, c: string): number =>
    rows.find((r) => r.departement === dep && r.annee === y && r.drees_category === c)?.n_measures ?? 0;
  const total = (dep: string | null, y: number): number =>
    stock.filter((r) => r.departement === dep && r.annee === y).reduce((s, r) => s + r.n_measures, 0);
  const depTotal = total(d, last);
  const frTotal = total(null, last);
  return html`${charts.bar}
    <table class="stock">
      <thead>
        <tr>
          <th>Catégorie</th>
          ${years.map((y) => html`<th class="n">${y}</th>`)}
          <th class="n">Part ${last}</th>
          <th class="n">France ${last}</th>
          <th class="n">Part France ${last}</th>
        </tr>
      </thead>
      <tbody>
        ${CATEGORY_LABELS.map((c) => {
          const n = cell(mine, d, last, c.code);
          const f = cell(stock, null, last, c.code);
          return html`<tr>
            <td>${c.labelFr}</td>
            ${years.map((y) => html`<td class="n">${maskedCount(cell(mine, d, y, c.code))}</td>`)}
            <td class="n">${depTotal > 0 && !isSmallCount(n) ? formatPercent(n / depTotal) : '—'}</td>
            <td class="n">${maskedCount(f)}</td>
            <td class="n">${frTotal > 0 ? formatPercent(f / frTotal) : '—'}</td>
          </tr>`;
        })}
        <tr class="total">
          <th>Ensemble</th>
          ${years.map((y) => html`<th class="n">${maskedCount(total(d, y))}</th>`)}
          <th class="n">${depTotal > 0 ? '100,0 %' : '—'}</th>
          <th class="n">${maskedCount(frTotal)}</th>
          <th class="n">${frTotal > 0 ? '100,0 %' : '—'}</th>
        </tr>
      </tbody>
    </table>`;
}

function dreesText(r: DreesRow | undefined): string {
  if (r === undefined || !r.in_reference) return '—';
  return r.n_drees === null ? 'non répondu' : maskedCount(r.n_drees);
}

function dreesSection(d: string, drees: readonly DreesRow[]): Html {
  const key = d === '2A' || d === '2B' ? '20' : d;
  const mine = drees.filter((r) => r.drees_departement === key);
  if (mine.length === 0) return html`<p>Pas de référence DREES pour les années de ce département.</p>`;
  const years = [...new Set(mine.map((r) => r.annee))].sort((a, b) => a - b);
  const partial = mine.some((r) => !r.is_whole);
  return html`${
    key === '20'
      ? html`<p class="note">
          La DREES publie la Corse comme une seule collectivité (20) : la comparaison porte sur 2A et 2B
          réunis.${
            partial
              ? " Une seule des deux collectivités a transmis : le rapport ne couvre qu'une partie de la Corse, qui est laissée hors du total France."
              : ''
          }
        </p>`
      : html``
  }
  ${years.map((y) => {
    const rows = CATEGORY_LABELS.map((c) => ({
      c,
      dep: mine.find((r) => r.annee === y && r.drees_category === c.code),
      fr: drees.find((r) => r.drees_departement === null && r.annee === y && r.drees_category === c.code),
    }));
    return html`<table class="drees">
      <caption>
        Mesures en cours au 31 décembre ${y} : OLINPE et DREES
      </caption>
      <thead>
        <tr>
          <th>Catégorie</th>
          <th class="n">OLINPE</th>
          <th class="n">DREES</th>
          <th class="n">Rapport OLINPE / DREES</th>
          <th class="n">France OLINPE</th>
          <th class="n">France DREES</th>
          <th class="n">Rapport France</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ c, dep, fr }) =>
            html`<tr>
              <td>${c.labelFr}</td>
              <td class="n">${maskedCount(dep?.n_olinpe)}</td>
              <td class="n">${dreesText(dep)}</td>
              <td class="n">${isSmallCount(dep?.n_olinpe) ? '—' : formatRatio(dep?.ratio)}</td>
              <td class="n">${maskedCount(fr?.n_olinpe)}</td>
              <td class="n">${maskedCount(fr?.n_drees)}</td>
              <td class="n">${formatRatio(fr?.ratio)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  })}`;
}

function entriesTable(d: string, entries: readonly EntriesRow[]): Html {
  const mine = entries.filter(sameDep(d));
  return html`<table class="entries">
    <thead>
      <tr>
        <th>Année</th>
        <th class="n">Entrées</th>
        <th class="n">Sorties</th>
        <th class="n">France entrées</th>
        <th class="n">France sorties</th>
      </tr>
    </thead>
    <tbody>
      ${mine.map((r) => {
        const fr = entries.find((e) => e.departement === null && e.annee === r.annee);
        return html`<tr>
          <td>${r.annee}</td>
          <td class="n">${maskedCount(r.n_entries)}</td>
          <td class="n">${maskedCount(r.n_exits)}</td>
          <td class="n">${maskedCount(fr?.n_entries)}</td>
          <td class="n">${maskedCount(fr?.n_exits)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function ageSexTable(d: string, rows: readonly AgeSexRow[], year: number): Html {
  const n = (dep: string | null, age: string, sex: string | null): number =>
    rows
      .filter(
        (r) =>
          r.departement === dep &&
          r.annee === year &&
          r.age_group === age &&
          (sex === null || r.sexe === sex),
      )
      .reduce((s, r) => s + r.n_children, 0);
  const depTotal = AGE_GROUPS.reduce((s, a) => s + n(d, a, null), 0);
  const frTotal = AGE_GROUPS.reduce((s, a) => s + n(null, a, null), 0);
  const groups = AGE_GROUPS.filter((a) => a !== 'inconnu' || n(d, a, null) > 0 || n(null, a, null) > 0);
  return html`<table class="agesex">
    <thead>
      <tr>
        <th>Âge au 31 décembre ${year}</th>
        ${['1', '2', '9'].map((s) => html`<th class="n">${SEX_LABELS[s]}</th>`)}
        <th class="n">Ensemble</th>
        <th class="n">Part</th>
        <th class="n">Part France</th>
      </tr>
    </thead>
    <tbody>
      ${groups.map((a) => {
        const all = n(d, a, null);
        const fr = n(null, a, null);
        return html`<tr>
          <td>${ageGroupLabel(a)}</td>
          ${['1', '2', '9'].map((s) => html`<td class="n">${maskedCount(n(d, a, s))}</td>`)}
          <td class="n">${maskedCount(all)}</td>
          <td class="n">${depTotal > 0 && !isSmallCount(all) ? formatPercent(all / depTotal) : '—'}</td>
          <td class="n">${frTotal > 0 ? formatPercent(fr / frTotal) : '—'}</td>
        </tr>`;
      })}
      <tr class="total">
        <th>Ensemble</th>
        ${['1', '2', '9'].map((s) => html`<th class="n">${maskedCount(AGE_GROUPS.reduce((t, a) => t + n(d, a, s), 0))}</th>`)}
        <th class="n">${maskedCount(depTotal)}</th>
        <th class="n">${depTotal > 0 ? '100,0 %' : '—'}</th>
        <th class="n">${frTotal > 0 ? '100,0 %' : '—'}</th>
      </tr>
    </tbody>
  </table>`;
}

function durationsTable(d: string, rows: readonly DurationRow[]): Html {
  const months = (r: DurationRow | undefined): string =>
    r === undefined || r.n_measures < MIN_MEASURES_FOR_MEDIAN
      ? '—'
      : formatDecimal(r.median_days / DAYS_PER_MONTH);
  return html`<table class="durations">
    <thead>
      <tr>
        <th>Catégorie</th>
        <th class="n">Mesures terminées</th>
        <th class="n">Durée médiane (mois)</th>
        <th class="n">France : mesures terminées</th>
        <th class="n">France : durée médiane (mois)</th>
      </tr>
    </thead>
    <tbody>
      ${CATEGORY_LABELS.map((c) => {
        const mine = rows.find((r) => r.departement === d && r.drees_category === c.code);
        const fr = rows.find((r) => r.departement === null && r.drees_category === c.code);
        return html`<tr>
          <td>${c.labelFr}</td>
          <td class="n">${maskedCount(mine?.n_measures ?? 0)}</td>
          <td class="n">${months(mine)}</td>
          <td class="n">${maskedCount(fr?.n_measures ?? 0)}</td>
          <td class="n">${months(fr)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function placementTable(d: string, rows: readonly PlacementRow[]): Html {
  return html`<table class="placements">
    <thead>
      <tr>
        <th>Année</th>
        <th class="n">Placements</th>
        <th class="n">Mesures</th>
        <th class="n">Part des placements</th>
        <th class="n">Part France</th>
      </tr>
    </thead>
    <tbody>
      ${rows.filter(sameDep(d)).map((r) => {
        const fr = rows.find((p) => p.departement === null && p.annee === r.annee);
        return html`<tr>
          <td>${r.annee}</td>
          <td class="n">${maskedCount(r.n_placements)}</td>
          <td class="n">${maskedCount(r.n_measures)}</td>
          <td class="n">${isSmallCount(r.n_placements) ? '—' : formatPercent(r.share)}</td>
          <td class="n">${formatPercent(fr?.share)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function scoreTable(d: string, rows: readonly ScoreRow[]): Html {
  return html`<table class="scores">
    <thead>
      <tr>
        <th>Année</th>
        <th class="n">Score du département</th>
        <th class="n">Score France</th>
      </tr>
    </thead>
    <tbody>
      ${rows.filter(sameDep(d)).map((r) => {
        const fr = rows.find((s) => s.departement === null && s.annee === r.annee);
        return html`<tr>
          <td>${r.annee}</td>
          <td class="n">${r.score}</td>
          <td class="n">${fr?.score ?? '—'}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export async function renderDashboard(d: string, data: ReportData, generatedAt: string): Promise<string> {
  const label = departementLabel(d);
  const title = `Tableau de bord — ${label}`;
  const stockYears = [...new Set(data.stock.filter(sameDep(d)).map((r) => r.annee))].sort((a, b) => a - b);
  const last = stockYears.at(-1);
  const lastStock = data.stock.filter((r) => r.departement === d && r.annee === last);
  const bar =
    last === undefined
      ? html``
      : await barChart(
          `Mesures en cours au 31 décembre ${last}`,
          'Nombre de mesures',
          CATEGORY_LABELS.map((c) => {
            const n = lastStock.find((r) => r.drees_category === c.code)?.n_measures ?? 0;
            return { label: c.labelFr, value: barValue(n), text: maskedCount(n) };
          }),
        );
  const entries = data.entries.filter(sameDep(d));
  const entriesChart =
    entries.length === 0
      ? html``
      : await lineChart(
          'Entrées et sorties de mesures',
          'Nombre de mesures',
          entries.flatMap((r) => [
            { x: r.annee, series: 'Entrées', value: barValue(r.n_entries) },
            { x: r.annee, series: 'Sorties', value: barValue(r.n_exits) },
          ]),
        );
  const placements = data.placements.filter(sameDep(d));
  const placementChart =
    placements.length === 0
      ? html``
      : await lineChart(
          'Part des placements parmi les mesures en cours au 31 décembre',
          'Part',
          placements.flatMap((r) => [
            { x: r.annee, series: label, value: isSmallCount(r.n_placements) ? null : r.share },
            {
              x: r.annee,
              series: 'France',
              value:
                data.placements.find((p) => p.departement === null && p.annee === r.annee)?.share ?? null,
            },
          ]),
          { percent: true },
        );
  const scores = data.scores.filter(sameDep(d));
  const scoreChart =
    scores.length === 0
      ? html``
      : await lineChart(
          'Score de qualité des fichiers (sur 100)',
          'Score',
          scores.flatMap((r) => [
            { x: r.annee, series: label, value: r.score },
            {
              x: r.annee,
              series: 'France',
              value: data.scores.find((s) => s.departement === null && s.annee === r.annee)?.score ?? null,
            },
          ]),
        );
  const ageBar =
    last === undefined
      ? html``
      : await barChart(
          `Enfants suivis au 31 décembre ${last} selon l'âge`,
          "Nombre d'enfants",
          AGE_GROUPS.filter((a) => a !== 'inconnu').map((a) => {
            const n = data.ageSex
              .filter((r) => r.departement === d && r.annee === last && r.age_group === a)
              .reduce((s, r) => s + r.n_children, 0);
            return { label: ageGroupLabel(a), value: barValue(n), text: maskedCount(n) };
          }),
        );
  const body = html`<header>
      <h1>${title}</h1>
      <p class="sub">
        Observatoire national de la protection de l'enfance — données des Bases Années
        reçues${stockYears.length > 0 ? `, ${stockYears[0]} à ${last}` : ''}. Produit le ${generatedAt}.
      </p>
      <nav><a href="../index.html">Tous les rapports</a></nav>
    </header>
    <p class="note">
      Données comparables : chaque chiffre du département est présenté à côté du même chiffre pour la France
      (ensemble des départements ayant transmis). Les effectifs de 1 à 4 sont affichés « &lt; 5 » pour
      qu'aucun enfant ne puisse être reconnu.
    </p>
    <h2>Mesures en cours au 31 décembre</h2>
    ${stockSection(d, data.stock, { bar })}
    ${
      data.drees === null
        ? html``
        : html`<h3>Comparaison avec la DREES</h3>
            ${dreesSection(d, data.drees)}`
    }
    <h2>Entrées et sorties</h2>
    <p class="note">
      Entrée : mesure commencée (date de décision ou de début, la plus ancienne connue) dans l'année ; sortie
      : mesure terminée dans l'année (fin transmise ou fin déduite).
    </p>
    ${entriesChart} ${entriesTable(d, data.entries)}
    <h2>Âge et sexe des enfants</h2>
    ${last === undefined ? html`<p>Aucun enfant suivi.</p>` : html`${ageBar}${ageSexTable(d, data.ageSex, last)}`}
    <h2>Durée médiane des mesures par catégorie</h2>
    <p class="note">
      Mesures terminées par une fin transmise (hors fins déduites et mesures commencées avant le premier
      fichier), toutes années ; médiane non affichée sous ${MIN_MEASURES_FOR_MEDIAN} mesures.
    </p>
    ${durationsTable(d, data.durations)}
    <h2>Part des placements</h2>
    <p class="note">
      Enfants accueillis (confiés à l'ASE et placements directs) parmi les mesures du périmètre DREES en cours
      au 31 décembre.
    </p>
    ${placementChart} ${placementTable(d, data.placements)}
    <h2>Score de qualité</h2>
    <p class="note">
      Sur 100 : 40 × part des enregistrements acceptés + 30 × part des enregistrements conservés sans
      avertissement + 30 × complétude moyenne des variables attendues. France : moyenne des départements
      pondérée par leurs enregistrements.
    </p>
    ${scoreChart} ${scoreTable(d, data.scores)}`;
  return page(title, body);
}
