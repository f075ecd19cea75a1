import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider, storedLang } from './i18n/i18n.tsx';
import './styles.css';

const lang = storedLang();
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={lang}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
