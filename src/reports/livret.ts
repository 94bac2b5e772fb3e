/** The livret d'échanges of one Base Année: identity, verdict, findings by rule, completeness, changes. */
import { variable } from '../dictionary/index.js';
import type { CompletenessRow, ExampleRow, QualityRow, ReceiptRow, RuleCountRow } from './data.js';
import { html, page, type Html } from './html.js';
import { countOf, departementLabel, formatInt, formatPercent, severityLabel } from './labels.js';

export interface LivretInput {
  readonly receipt: ReceiptRow;
  readonly rules: readonly RuleCountRow[];
  readonly examples: readonly ExampleRow[];
  readonly completeness: readonly CompletenessRow[];
  readonly quality: QualityRow | undefined;
  /** The file this one is compared with, and why. */
  readonly previous: PreviousFile | null;
  readonly generatedAt: string;
}

export interface PreviousFile {
  readonly kind: 'replaced' | 'previous-year';
  readonly receipt: ReceiptRow;
  readonly rules: readonly RuleCountRow[];
  readonly completeness: readonly CompletenessRow[];
  readonly quality: QualityRow | undefined;
}

/** Completeness below this share is flagged in the livret. */
export const LOW_COMPLETENESS = 0.8;
/** A change of completeness of at least this many points is listed as a change. */
export const COMPLETENESS_CHANGE = 0.05;

const FORMAT_LABELS: Readonly<Record<string, string>> = { xml: 'XML', csv: 'texte délimité (CSV)' };

function severityCounts(rules: readonly RuleCountRow[]): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
  for (const r of rules) counts[r.severity] = (counts[r.severity] ?? 0) + r.n_findings;
  return counts;
}

const kept = (r: ReceiptRow): number => r.n_records - r.n_rejected - r.n_duplicates;

/** The verdict in one line. */
export function verdict(r: ReceiptRow, rules: readonly RuleCountRow[]): string {
  if (r.status === 'rejected') {
    return `Fichier refusé${r.rejection ? ` : ${r.rejection}` : ''}. Aucun enregistrement n'a été intégré : corrigez et renvoyez le fichier.`;
  }
  if (r.n_records === 0) return "Fichier vide : aucun enregistrement n'a été trouvé.";
  const warnings = severityCounts(rules).warning ?? 0;
  const share = r.n_rejected / r.n_records;
  const head =
    r.n_rejected === 0
      ? 'Fichier intégré sans rejet'
      : share > 0.05
        ? 'Fichier intégré avec réserves importantes'
        : 'Fichier intégré avec réserves';
  return (
    `${head} : ${countOf(kept(r), 'enregistrement conservé', 'enregistrements conservés')} sur ` +
    `${countOf(r.n_records, 'reçu')}, ${countOf(r.n_rejected, 'rejeté')}, ` +
    `${countOf(r.n_duplicates, 'doublon écarté', 'doublons écartés')}, ` +
    `${countOf(warnings, 'avertissement')} à examiner.`
  );
}

function identity(r: ReceiptRow, q: QualityRow | undefined): Html {
  const rows: [string, string][] = [
    ['Fichier', r.file_name ?? '—'],
    ['Empreinte SHA-256', r.sha256],
    ['Identifiant de réception', r.file_id],
    [
      'Format',
      `${FORMAT_LABELS[r.format ?? ''] ?? r.format ?? '—'}${r.encoding ? `, encodage ${r.encoding}` : ''}`,
    ],
    ['Décret', r.decree ? `décret de ${r.decree}` : '—'],
    ["Date d'export", r.datexport ?? '—'],
    ['Reçu le', r.received_at],
    ['Enregistrements reçus', formatInt(r.n_records)],
    ['Enregistrements rejetés', formatInt(r.n_rejected)],
    ['Doublons écartés', formatInt(r.n_duplicates)],
    ['Enregistrements conservés', r.status === 'rejected' ? '0' : formatInt(kept(r))],
    ['Score de qualité', q?.score === null || q?.score === undefined ? '—' : `${q.score} / 100`],
  ];
  return html`<dl class="identity">
    ${rows.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

function ruleSummary(rules: readonly RuleCountRow[]): Html {
  if (rules.length === 0) return html`<p>Aucun constat : rien à corriger.</p>`;
  return html`<table class="rules">
    <thead>
      <tr>
        <th>Règle</th>
        <th>Gravité</th>
        <th class="n">Constats</th>
        <th class="n">Enregistrements</th>
        <th>Variables</th>
        <th>Explication</th>
      </tr>
    </thead>
    <tbody>
      ${rules.map(
        (r) =>
          html`<tr>
            <td><code>${r.rule}</code></td>
            <td class="sev-${r.severity}">${severityLabel(r.severity)}</td>
            <td class="n">${formatInt(r.n_findings)}</td>
            <td class="n">${formatInt(r.n_records)}</td>
            <td>${r.variables ?? ''}</td>
            <td>${r.explanation}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function ruleDetail(r: RuleCountRow, examples: readonly ExampleRow[]): Html {
  const mine = examples.filter((e) => e.rule === r.rule);
  // The finding's own message only when it says more than the rule's explanation.
  const said = (e: ExampleRow): string => (e.message === r.explanation ? '' : e.message);
  const where = r.n_records === 0 ? 'sur le fichier entier' : `sur ${countOf(r.n_records, 'enregistrement')}`;
  return html`<section class="rule">
    <h3>${r.explanation} <code>${r.rule}</code></h3>
    <p>
      <span class="sev-${r.severity}">${severityLabel(r.severity)}</span> —
      ${countOf(r.n_findings, 'constat')} ${where}.
    </p>
    <p><strong>À corriger :</strong> ${r.fix ?? 'voir la notice du décret.'}</p>
    ${
      mine.length === 0
        ? html``
        : html`<table class="examples">
            <thead>
              <tr>
                <th class="n">Enregistrement n°</th>
                <th>Variable</th>
                <th>Valeur reçue</th>
                <th>Précision</th>
              </tr>
            </thead>
            <tbody>
              ${mine.map(
                (e) =>
                  html`<tr>
                    <td class="n">${e.record_no === null ? 'fichier' : formatInt(e.record_no)}</td>
                    <td>${e.variable ?? ''}</td>
                    <td>${e.value ?? ''}</td>
                    <td>${said(e)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function completenessTable(rows: readonly CompletenessRow[]): Html {
  const expected = rows.filter((r) => r.n_expected > 0);
  if (expected.length === 0) return html`<p>Aucun enregistrement conservé : complétude non calculée.</p>`;
  return html`<table class="completeness">
    <thead>
      <tr>
        <th class="n">N°</th>
        <th>Variable</th>
        <th>Libellé</th>
        <th class="n">Attendues</th>
        <th class="n">Renseignées</th>
        <th class="n">Connues</th>
        <th class="n">Complétude</th>
      </tr>
    </thead>
    <tbody>
      ${expected.map((r) => {
        const low = r.completeness < LOW_COMPLETENESS;
        return html`<tr${low ? html` class="low"` : html``}><td class="n">${r.num}</td><td>${r.variable}</td><td>${variable(r.variable).labelFr}</td>
<td class="n">${formatInt(r.n_expected)}</td><td class="n">${formatInt(r.n_filled)}</td><td class="n">${formatInt(r.n_known)}</td>
<td class="n">${low ? html`<strong>${formatPercent(r.completeness)}</strong>` : formatPercent(r.completeness)}</td></tr>`;
      })}
    </tbody>
  </table>`;
}

function signed(n: number, format: (x: number) => string): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `−${format(-n)}` : '0';
}

function changes(current: LivretInput, p: PreviousFile): Html {
  const c = current.receipt;
  const cs = severityCounts(current.rules);
  const ps = severityCounts(p.rules);
  const counts: [string, number | null, number | null][] = [
    ['Enregistrements reçus', p.receipt.n_records, c.n_records],
    ['Enregistrements rejetés', p.receipt.n_rejected, c.n_rejected],
    ['Doublons écartés', p.receipt.n_duplicates, c.n_duplicates],
    ['Erreurs', ps.error ?? 0, cs.error ?? 0],
    ['Avertissements', ps.warning ?? 0, cs.warning ?? 0],
    ['Informations', ps.info ?? 0, cs.info ?? 0],
    ['Score de qualité', p.quality?.score ?? null, current.quality?.score ?? null],
  ];
  const before = new Map(p.rules.map((r) => [r.rule, r]));
  const now = new Map(current.rules.map((r) => [r.rule, r]));
  const newRules = current.rules.filter((r) => !before.has(r.rule));
  const goneRules = p.rules.filter((r) => !now.has(r.rule));
  const prevCompleteness = new Map(
    p.completeness.filter((r) => r.n_expected > 0).map((r) => [r.variable, r]),
  );
  const moved = current.completeness
    .filter((r) => r.n_expected > 0)
    .flatMap((r) => {
      const old = prevCompleteness.get(r.variable);
      if (!old) return [];
      const delta = r.completeness - old.completeness;
      return Math.abs(delta) >= COMPLETENESS_CHANGE - 1e-9 ? [{ r, old, delta }] : [];
    })
    .sort((a, b) => a.delta - b.delta);
  const what =
    p.kind === 'replaced'
      ? `le fichier qu'il remplace pour la même année (${p.receipt.file_name ?? p.receipt.file_id}, reçu le ${p.receipt.received_at})`
      : `le fichier de l'année ${p.receipt.annee ?? ''} (${p.receipt.file_name ?? p.receipt.file_id}, reçu le ${p.receipt.received_at})`;
  return html`<p>Comparaison avec ${what}.</p>
    <table class="changes">
      <thead>
        <tr>
          <th></th>
          <th class="n">Fichier précédent</th>
          <th class="n">Ce fichier</th>
          <th class="n">Écart</th>
        </tr>
      </thead>
      <tbody>
        ${counts.map(
          ([label, a, b]) =>
            html`<tr>
              <td>${label}</td>
              <td class="n">${formatInt(a)}</td>
              <td class="n">${formatInt(b)}</td>
              <td class="n">${a === null || b === null ? '—' : signed(b - a, formatInt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>Nouvelles règles en défaut</h3>
    ${
      newRules.length === 0
        ? html`<p>Aucune règle nouvelle.</p>`
        : html`<ul>
            ${newRules.map((r) => html`<li><code>${r.rule}</code> — ${r.explanation} (${countOf(r.n_findings, 'constat')})</li>`)}
          </ul>`
    }
    <h3>Règles qui ne sont plus en défaut</h3>
    ${
      goneRules.length === 0
        ? html`<p>Aucune.</p>`
        : html`<ul>
            ${goneRules.map((r) => html`<li><code>${r.rule}</code> — ${r.explanation}</li>`)}
          </ul>`
    }
    <h3>Complétude : variables qui ont changé d'au moins ${Math.round(COMPLETENESS_CHANGE * 100)} points</h3>
    ${
      moved.length === 0
        ? html`<p>Aucune variable n'a changé de plus de ${Math.round(COMPLETENESS_CHANGE * 100)} points.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Variable</th>
                <th>Libellé</th>
                <th class="n">Avant</th>
                <th class="n">Maintenant</th>
                <th class="n">Écart (points)</th>
              </tr>
            </thead>
            <tbody>
              ${moved.map(
                (m) =>
                  html`<tr>
                    <td>${m.r.variable}</td>
                    <td>${variable(m.r.variable).labelFr}</td>
                    <td class="n">${formatPercent(m.old.completeness)}</td>
                    <td class="n">${formatPercent(m.r.completeness)}</td>
                    <td class="n">
                      ${signed(Math.round(m.delta * 1000) / 10, (x) => x.toLocaleString('fr-FR'))}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}

export function renderLivret(input: LivretInput): string {
  const r = input.receipt;
  const dep = departementLabel(r.departement ?? '');
  const title = `Livret d'échanges — ${dep} — Base Année ${r.annee ?? ''}`;
  const body = html`<header>
      <h1>${title}</h1>
      <p class="sub">
        Observatoire national de la protection de l'enfance — retour sur le fichier reçu le ${r.received_at}.
        Produit le ${input.generatedAt}.
      </p>
      <nav>
        <a href="../tableau-de-bord.html">Tableau de bord du département</a
        ><a href="../../index.html">Tous les rapports</a
        ><a href="findings.csv">Tous les constats (findings.csv)</a>
      </nav>
    </header>
    <p class="verdict">${verdict(r, input.rules)}</p>
    <h2>Identité du fichier</h2>
    ${identity(r, input.quality)}
    <h2>Constats par règle</h2>
    ${ruleSummary(input.rules)} ${input.rules.map((rule) => ruleDetail(rule, input.examples))}
    <h2>Complétude des variables</h2>
    <p class="note">
      Part des valeurs attendues qui sont renseignées et différentes de « ne sait pas ». Une valeur est
      attendue quand le type d'événement (TYPEV) et l'âge de l'enfant correspondent à la variable ; pour une
      variable qui ne concerne que certaines situations (par exemple NATDECPLAC pour les placements), seules
      les valeurs transmises sont attendues. Complétude inférieure à ${formatPercent(LOW_COMPLETENESS)} en
      gras.
    </p>
    ${completenessTable(input.completeness)}
    <h2>Évolution depuis le fichier précédent</h2>
    ${input.previous === null ? html`<p>Premier fichier reçu de ce département : pas de comparaison.</p>` : changes(input, input.previous)}
    <p class="note">
      Les numéros d'anonymat et les textes libres (AUTREDA, AUTREDJ) ne figurent jamais dans ce livret. La
      liste complète des constats est dans findings.csv (séparateur « ; », UTF-8).
    </p>`;
  return page(title, body);
}
