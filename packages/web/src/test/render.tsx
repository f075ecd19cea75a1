import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ApiClient } from '../api/client.ts';
import { AppContext } from '../app-context.tsx';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/messages.ts';

/** Renders a screen with the app services (a mock API, a recording navigate) and the message catalog. */
export function renderScreen(ui: ReactElement, api: ApiClient, lang: Lang = 'de') {
  const navigations: string[] = [];
  const result = render(
    <I18nProvider initial={lang}>
      <AppContext.Provider value={{ api, navigate: (p) => navigations.push(p) }}>{ui}</AppContext.Provider>
    </I18nProvider>,
  );
  return { ...result, navigations };
}
