import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { AppError } from '@praxisready/model';

const require = createRequire(import.meta.url);

/** The Roboto TTFs shipped inside the pdfmake package: no system fonts needed, embedded and subset. */
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    // Roboto in pdfmake ships Medium instead of Bold; it reads as bold in print.
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS.Roboto));

let configured = false;

function configure(): void {
  if (configured) {
    return;
  }
  pdfmake.setFonts(FONTS);
  // Documents never load anything from the network; images arrive as buffers (data URLs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  configured = true;
}

/**
 * Characters the embedded Roboto has no glyph for (they would print as empty boxes), with a stand-in it has.
 * Texts from the rule catalogs may contain them ("Dienstprogramme → Service-Provider").
 */
const GLYPH_FALLBACK: Record<string, string> = {
  '→': '›',
  '←': '‹',
  '⇒': '›',
  '↑': '^',
  '↓': 'v',
  '✓': '+',
  '✔': '+',
  '✗': 'x',
  '✘': 'x',
};
const MISSING_GLYPHS = new RegExp(`[${Object.keys(GLYPH_FALLBACK).join('')}]`, 'gu');

/** Replaces characters without a glyph in every text of a document definition (not in images). */
export function withGlyphFallbacks<T>(node: T): T {
  if (typeof node === 'string') {
    return node.replace(MISSING_GLYPHS, (c) => GLYPH_FALLBACK[c] ?? c) as T;
  }
  if (Array.isArray(node)) {
    return node.map((n: unknown) => withGlyphFallbacks(n)) as T;
  }
  if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node) && !(node instanceof Date)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === 'image' ? v : withGlyphFallbacks(v)]),
    ) as T;
  }
  return node;
}

/** Renders a pdfmake document definition into PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  try {
    return await pdfmake.createPdf(withGlyphFallbacks(doc)).getBuffer();
  } catch (e) {
    throw new AppError('INTERNAL', `PDF rendering failed: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Renders a one-line document so that fonts are parsed and the layout code is compiled before the first real
 * report (the first render of a process is several times slower than the next ones). Call at server start.
 */
export async function warmUpDocuments(): Promise<void> {
  await renderPdf({
    content: [{ text: 'Praxisready äöüß €', bold: true }, 'x', { text: 'y', italics: true }],
    defaultStyle: { font: 'Roboto' },
  });
}
