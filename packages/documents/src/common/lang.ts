import type { LocalizedText } from '@praxisready/model';

/** Document language; German is the default, English on request. */
export const DocLang = { de: 'de', en: 'en' } as const;
export type DocLang = keyof typeof DocLang;

/** Picks the text of a language. */
export function tr(text: LocalizedText, lang: DocLang): string {
  return text[lang];
}

/** German and English in one call. */
export function t(de: string, en: string): LocalizedText {
  return { de, en };
}
