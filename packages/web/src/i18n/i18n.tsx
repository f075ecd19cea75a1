import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CATALOGS, type Lang, type MessageKey } from './messages.ts';

interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** Picks the current language from a server `{de, en}` text. */
  l: (text: { de: string; en: string } | undefined | null) => string;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial = 'de' }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: (key) => CATALOGS[lang][key],
      l: (text) => (text ? text[lang] : ''),
      setLang: (next) => {
        setLangState(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem('praxisready.lang', next);
        } catch {
          // storage may be unavailable (private mode); the switch still works for this page
        }
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) {
    throw new Error('useI18n outside I18nProvider');
  }
  return ctx;
}

export function storedLang(): Lang {
  try {
    return localStorage.getItem('praxisready.lang') === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}
