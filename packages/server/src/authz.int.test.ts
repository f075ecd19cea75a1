import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, PRINCIPAL_KINDS, type Action, type PrincipalKind } from './auth/permissions.ts';
import { systemActor } from './context.ts';
import { createCase, linkCustomer } from './cases/service.ts';
import { createPreinfoLink } from './preinfo/service.ts';
import { createEnrollment } from './probe/service.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './test-support/db.ts';
import { PASSWORD, createFixture, type Fixture } from './test-support/fixture.ts';
import { login } from './auth/service.ts';
import { RateLimiter } from './http/rate-limit.ts';

interface RouteRow {
  method: string;
  path: string;
  permission: Action | 'public';
}

/** Every route × every principal, read from the OpenAPI document (x-permission) and the permission table. */
describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let caseId: string;
  const tokens = {} as Record<PrincipalKind, string>;
  let routes: RouteRow[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, { rateLimitPerMinute: 10_000 });
    const { ctx } = f.server;
    const admin = systemActor('test');
    caseId = (await createCase(ctx, admin, { source: 'manual', intake: { practiceName: 'Praxis Matrix' } }))
      .caseRow.id;
    await linkCustomer(ctx, { ...admin, role: 'admin' }, caseId, { customerId: f.customerId });
    Object.assign(tokens, f.tokens);
    tokens.preinfo_token = (await createPreinfoLink(ctx, admin, caseId)).token;
    tokens.probe_token = (await createEnrollment(ctx, admin, caseId)).token;
    const doc = (await (await f.req('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: Action | 'public' }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        permission: op['x-permission']!,
      })),
    );
    // Logging out ends the session: run it last.
    routes.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  it('documents a known permission for every route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    for (const r of routes) {
      expect(r.permission === 'public' || r.permission in PERMISSIONS, `${r.method} ${r.path}`).toBe(true);
    }
    // every action of the table is used by at least one route
    const used = new Set(routes.map((r) => r.permission));
    expect(Object.keys(PERMISSIONS).filter((a) => !used.has(a as Action))).toEqual([]);
  });

  it('lets exactly the allowed principals through, and nobody without a token', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => x.permission !== 'public')) {
      const path = r.path.replace('{caseId}', caseId).replace(/\{[^}]+\}/g, 'x-unknown');
      const body = r.method === 'GET' ? undefined : {};
      const anonymous = await f.req(r.method, path, undefined, body);
      if (anonymous.status !== 401) {
        failures.push(`${r.method} ${r.path} anonymous → ${anonymous.status}`);
      }
      for (const p of PRINCIPAL_KINDS) {
        const allowed = (PERMISSIONS[r.permission as Action] as readonly PrincipalKind[]).includes(p);
        const res = await f.req(r.method, path, tokens[p], body);
        checked++;
        const denied = res.status === 403 || res.status === 401;
        if (allowed === denied) {
          failures.push(
            `${r.method} ${r.path} as ${p}: ${res.status} (${allowed ? 'allowed' : 'denied'} by table) ${await res.text()}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(40 * PRINCIPAL_KINDS.length);
  });

  it("hides other customers' cases from a customer user and other cases from token holders", async () => {
    const { ctx } = f.server;
    const other = (await createCase(ctx, systemActor('test'), { source: 'manual', intake: {} })).caseRow.id;
    // the matrix logged every session out at its end
    f.tokens.customer = (await login(ctx, 'customer@praxisready.test', PASSWORD)).token;
    expect((await f.req('GET', `/api/cases/${other}`, f.tokens.customer)).status).toBe(404);
    expect((await f.req('GET', `/api/cases/${caseId}`, f.tokens.customer)).status).toBe(200);
    expect((await f.req('GET', `/api/cases/${other}/findings`, f.tokens.customer)).status).toBe(404);
  });

  it('rate-limits a pre-information link', async () => {
    const { ctx } = f.server;
    const link = await createPreinfoLink(ctx, systemActor('test'), caseId);
    ctx.limits.token = new RateLimiter(5);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await f.req('GET', '/api/preinfo/form', link.token)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });
});
