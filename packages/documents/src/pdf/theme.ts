import type { ContextPageSize, CustomTableLayout, StyleDictionary } from 'pdfmake/interfaces.js';

/** Colours and styles shared by report and offer, so both documents look like one company's. */
export const COLOR = {
  primary: '#1F3A5F',
  accent: '#2E86C1',
  text: '#1B2631',
  muted: '#5D6D7E',
  rule: '#D5D8DC',
  zebra: '#F4F6F7',
  good: '#1E7B45',
  mid: '#B9770E',
  bad: '#B03A2E',
} as const;

export const STYLES: StyleDictionary = {
  h1: { fontSize: 16, bold: true, color: COLOR.primary, margin: [0, 0, 0, 8] },
  h2: { fontSize: 12, bold: true, color: COLOR.primary, margin: [0, 12, 0, 5] },
  h3: { fontSize: 10, bold: true, color: COLOR.text, margin: [0, 8, 0, 3] },
  small: { fontSize: 7.5, color: COLOR.muted },
  th: { bold: true, fontSize: 8, color: '#FFFFFF', fillColor: COLOR.primary },
  td: { fontSize: 8 },
  label: { fontSize: 8, color: COLOR.muted },
};

/** Table layout: thin horizontal rules, zebra rows, a dark header row. */
export const ZEBRA: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.5 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => COLOR.rule,
  fillColor: (row) => (row > 0 && row % 2 === 0 ? COLOR.zebra : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** Colour of a 0–100 score: green from 80, amber from 50, red below. */
export function scoreColor(score: number | null): string {
  if (score === null) {
    return COLOR.muted;
  }
  return score >= 80 ? COLOR.good : score >= 50 ? COLOR.mid : COLOR.bad;
}

export const PAGE_MARGINS: [number, number, number, number] = [40, 56, 40, 50];

export type { ContextPageSize };
