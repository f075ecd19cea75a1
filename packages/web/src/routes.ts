/** Client routes: a declarative table matched in order (no router library needed for five screens). */
export type Route =
  | { name: 'login' }
  | { name: 'board' }
  | { name: 'case'; caseId: string }
  | { name: 'sheet'; caseId: string }
  | { name: 'findings'; caseId: string }
  | { name: 'search'; query: string }
  | { name: 'preinfo'; token: string }
  | { name: 'customers' }
  | { name: 'customer'; customerId: string }
  | { name: 'admin' }
  | { name: 'notFound' };

const TABLE: { pattern: RegExp; make: (m: RegExpExecArray, hash: string, search: string) => Route }[] = [
  {
    pattern: /^\/suche\/?$/,
    make: (_m, _h, search) => ({ name: 'search', query: new URLSearchParams(search).get('q') ?? '' }),
  },
  { pattern: /^\/login\/?$/, make: () => ({ name: 'login' }) },
  { pattern: /^\/kunden\/?$/, make: () => ({ name: 'customers' }) },
  {
    pattern: /^\/kunden\/([^/]+)\/?$/,
    make: (m) => ({ name: 'customer', customerId: decodeURIComponent(m[1]!) }),
  },
  { pattern: /^\/admin\/?$/, make: () => ({ name: 'admin' }) },
  { pattern: /^\/?$/, make: () => ({ name: 'board' }) },
  {
    pattern: /^\/faelle\/([^/]+)\/sheet\/?$/,
    make: (m) => ({ name: 'sheet', caseId: decodeURIComponent(m[1]!) }),
  },
  {
    pattern: /^\/faelle\/([^/]+)\/befunde\/?$/,
    make: (m) => ({ name: 'findings', caseId: decodeURIComponent(m[1]!) }),
  },
  { pattern: /^\/faelle\/([^/]+)\/?$/, make: (m) => ({ name: 'case', caseId: decodeURIComponent(m[1]!) }) },
  // The server mails `/vorab-info#<token>`: the token stays in the fragment, out of logs and referrers.
  { pattern: /^\/vorab-info\/?$/, make: (_m, hash) => ({ name: 'preinfo', token: hash.replace(/^#/, '') }) },
];

export function matchRoute(pathname: string, hash = '', search = ''): Route {
  for (const row of TABLE) {
    const m = row.pattern.exec(pathname);
    if (m) {
      return row.make(m, hash, search);
    }
  }
  return { name: 'notFound' };
}

export const casePath = (id: string) => `/faelle/${encodeURIComponent(id)}`;
export const sheetPath = (id: string) => `${casePath(id)}/sheet`;
export const findingsPath = (id: string) => `${casePath(id)}/befunde`;
export const searchPath = (q: string) => `/suche?q=${encodeURIComponent(q)}`;
export const customersPath = '/kunden';
export const customerPath = (id: string) => `/kunden/${encodeURIComponent(id)}`;
export const adminPath = '/admin';
