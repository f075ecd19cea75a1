import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient, type ApiClient } from './api/client.ts';
import { AppContext } from './app-context.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { adminPath, customersPath, matchRoute, type Route } from './routes.ts';
import { LoginScreen } from './screens/Login.tsx';
import { BoardScreen } from './screens/Board.tsx';
import { CaseScreen } from './screens/Case.tsx';
import { SheetScreen } from './screens/Sheet.tsx';
import { PreinfoScreen } from './screens/Preinfo.tsx';
import { FindingsScreen } from './screens/Findings.tsx';
import { SearchBox, SearchScreen } from './screens/Search.tsx';
import { CustomerScreen, CustomersScreen } from './screens/Customers.tsx';
import { AdminScreen } from './screens/Admin.tsx';

const TOKEN_KEY = 'praxisready.session';

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** A link that changes the route in place (client-side navigation) and still works as a plain link. */
function NavLink({ path, label, navigate }: { path: string; label: string; navigate: (p: string) => void }) {
  return (
    <a
      href={path}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {label}
    </a>
  );
}

export interface AppProps {
  /** Tests pass a client over a mock fetch; the browser uses the real one. */
  api?: ApiClient;
  initialPath?: string;
}

export function App({ api: injected, initialPath }: AppProps) {
  const { t, lang, setLang } = useI18n();
  const [token, setToken] = useState<string | null>(() => readToken());
  const [location, setLocation] = useState(() => ({
    path: initialPath ?? window.location.pathname,
    hash: window.location.hash,
    search: window.location.search,
  }));
  const api = useMemo(() => injected ?? createApiClient({ token: readToken }), [injected]);

  const navigate = useCallback((path: string) => {
    window.history.pushState(null, '', path);
    const url = new URL(path, window.location.origin);
    setLocation({ path: url.pathname, hash: url.hash, search: url.search });
    window.scrollTo?.(0, 0);
  }, []);

  useEffect(() => {
    const onPop = () =>
      setLocation({
        path: window.location.pathname,
        hash: window.location.hash,
        search: window.location.search,
      });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const route: Route = matchRoute(location.path, location.hash, location.search);
  const services = useMemo(() => ({ api, navigate }), [api, navigate]);

  const onLogin = (newToken: string) => {
    try {
      sessionStorage.setItem(TOKEN_KEY, newToken);
    } catch {
      // without storage the session lasts until reload
    }
    setToken(newToken);
    navigate('/');
  };
  const onLogout = () => {
    api.logout().catch(() => undefined);
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // nothing stored
    }
    setToken(null);
    navigate('/login');
  };

  const langSwitch = (
    <button
      type="button"
      className="link"
      onClick={() => setLang(lang === 'de' ? 'en' : 'de')}
      lang={lang === 'de' ? 'en' : 'de'}
    >
      {t('switchLanguage')}
    </button>
  );

  // The practice's form needs no login and shows no staff navigation.
  if (route.name === 'preinfo') {
    return (
      <AppContext.Provider value={services}>
        <div className="public">
          <header className="public-header">
            <span className="brand">{t('appName')}</span>
            {langSwitch}
          </header>
          <PreinfoScreen token={route.token} />
        </div>
      </AppContext.Provider>
    );
  }

  const needsLogin = !token && !injected;
  return (
    <AppContext.Provider value={services}>
      <a className="skip" href="#main">
        {t('nav')}
      </a>
      <header className="topbar">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('appName')}
        </a>
        <nav aria-label={t('nav')}>
          {token || injected ? (
            <>
              <NavLink path="/" label={t('navBoard')} navigate={navigate} />
              <NavLink path={customersPath} label={t('navCustomers')} navigate={navigate} />
              <NavLink path={adminPath} label={t('navAdmin')} navigate={navigate} />
            </>
          ) : null}
          {token || injected ? <SearchBox /> : null}
        </nav>
        <div className="topbar-actions">
          {langSwitch}
          {token ? (
            <button type="button" className="link" onClick={onLogout}>
              {t('logout')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {needsLogin || route.name === 'login' ? (
          <LoginScreen onLogin={onLogin} />
        ) : route.name === 'board' ? (
          <BoardScreen />
        ) : route.name === 'case' ? (
          <CaseScreen caseId={route.caseId} />
        ) : route.name === 'search' ? (
          <SearchScreen query={route.query} />
        ) : route.name === 'findings' ? (
          <FindingsScreen caseId={route.caseId} />
        ) : route.name === 'sheet' ? (
          <SheetScreen caseId={route.caseId} />
        ) : route.name === 'customers' ? (
          <CustomersScreen />
        ) : route.name === 'customer' ? (
          <CustomerScreen customerId={route.customerId} />
        ) : route.name === 'admin' ? (
          <AdminScreen />
        ) : (
          <p role="alert">{t('notFound')}</p>
        )}
      </main>
    </AppContext.Provider>
  );
}
