import { describe, expect, it } from 'vitest';
import { casePath, customerPath, matchRoute, searchPath, sheetPath } from './routes.ts';

describe('routes', () => {
  it.each([
    ['/', '', { name: 'board' }],
    ['/login', '', { name: 'login' }],
    [casePath('a b'), '', { name: 'case', caseId: 'a b' }],
    [sheetPath('c1'), '', { name: 'sheet', caseId: 'c1' }],
    ['/faelle/c1/befunde', '', { name: 'findings', caseId: 'c1' }],
    ['/vorab-info', '#prp_abc', { name: 'preinfo', token: 'prp_abc' }],
    ['/kunden', '', { name: 'customers' }],
    [customerPath('k/1'), '', { name: 'customer', customerId: 'k/1' }],
    ['/admin', '', { name: 'admin' }],
    ['/nope/x', '', { name: 'notFound' }],
  ])('%s%s', (path, hash, route) => {
    expect(matchRoute(path, hash)).toEqual(route);
  });

  it('reads the search query', () => {
    expect(matchRoute('/suche', '', '?q=Sonnen%20schein')).toEqual({
      name: 'search',
      query: 'Sonnen schein',
    });
    expect(searchPath('a&b')).toBe('/suche?q=a%26b');
  });
});
