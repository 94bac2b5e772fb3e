/**
 * Charts rendered at build time as inline SVG by Vega-Lite (no script, no network at view time),
 * in black, greys and dash patterns so that they read in black and white.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml, trusted, type Html } from './html.js';

const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** French number formats inside the charts (thin spaces for thousands, decimal comma). */
const FRENCH = {
  decimal: ',',
  thousands: '\u00a0',
  grouping: [3],
  currency: ['', '\u00a0€'],
  percent: '\u00a0%',
};

const CONFIG = {
  locale: { number: FRENCH },
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: {
    labelColor: '#111',
    titleColor: '#111',
    domainColor: '#111',
    tickColor: '#111',
    gridColor: '#ddd',
    labelFontSize: 11,
  },
  legend: { labelColor: '#111', titleColor: '#111', labelFontSize: 11, orient: 'bottom' },
  title: { color: '#111', fontSize: 13, anchor: 'start' },
} as const;

async function toSvg(spec: TopLevelSpec & { title: string }): Promise<Html> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return trusted(svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(spec.title)}" `));
}

export interface BarDatum {
  readonly label: string;
  /** Length of the bar; null draws no bar (a masked small count). */
  readonly value: number | null;
  /** Text written at the end of the bar. */
  readonly text: string;
}

/** Horizontal bars, one per label, in the given order, each labelled with its text. */
export function barChart(title: string, axisTitle: string, data: readonly BarDatum[]): Promise<Html> {
  const values = data.map((d, i) => ({ label: d.label, value: d.value ?? 0, text: d.text, order: i }));
  const sort = [...new Set(data.map((d) => d.label))];
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    height: { step: 22 },
    config: CONFIG,
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort, title: null, axis: { labelLimit: 0 } },
      x: { field: 'value', type: 'quantitative', title: axisTitle, axis: { format: ',d' } },
    },
    layer: [
      { mark: { type: 'bar', fill: '#9a9a9a', stroke: '#111', strokeWidth: 0.8 } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#111', fontSize: 11 },
        encoding: { text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec & { title: string });
}

export interface LinePoint {
  readonly x: number;
  readonly series: string;
  readonly value: number | null;
}

/** Lines over years, one per series, told apart by dash pattern and point shape. */
export function lineChart(
  title: string,
  axisTitle: string,
  points: readonly LinePoint[],
  options: { percent?: boolean } = {},
): Promise<Html> {
  const series = [...new Set(points.map((p) => p.series))];
  const dashes = [
    [1, 0],
    [6, 3],
    [2, 2],
    [8, 3, 2, 3],
  ];
  const shapes = ['circle', 'square', 'triangle-up', 'diamond'];
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    height: 200,
    config: CONFIG,
    data: { values: points.filter((p) => p.value !== null).map((p) => ({ ...p, year: String(p.x) })) },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'Année', axis: { labelAngle: 0 } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle,
        axis: { format: options.percent ? '.0%' : ',d' },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: dashes.slice(0, series.length) },
        title: null,
      },
      shape: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: shapes.slice(0, series.length) },
        title: null,
      },
    },
    layer: [
      { mark: { type: 'line', color: '#111', strokeWidth: 1.6 } },
      { mark: { type: 'point', color: '#111', filled: true, size: 40 } },
    ],
  } as TopLevelSpec & { title: string });
}
