import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, PASSWORD, type Fixture } from '../test-support/fixture.ts';

// Resolved sessions are cached in-process (no database read per request): logout takes effect at once, the
// session's own expiry is kept, and a session ended elsewhere (another process) is trusted for ≤ 30 s.
describe.each(ENGINES)('session cache on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let clock = Date.now();

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, {}, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  const login = async () => {
    const r = await f.req('POST', '/api/auth/login', undefined, {
      email: 'dispatcher@praxisready.test',
      password: PASSWORD,
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { token: string }).token;
  };
  const me = async (token: string) => (await f.req('GET', '/api/auth/me', token)).status;

  it('refuses a token right after logout although it was cached', async () => {
    const token = await login();
    expect(await me(token)).toBe(200);
    expect((await f.req('POST', '/api/auth/logout', token)).status).toBe(200);
    expect(await me(token)).toBe(401);
  });

  it('keeps the session expiry while cached', async () => {
    const token = await login();
    expect(await me(token)).toBe(200);
    clock += f.server.ctx.config.sessionTtlMs + 1000;
    expect(await me(token)).toBe(401);
  });

  it('trusts a session deleted elsewhere for at most 30 s', async () => {
    const token = await login();
    expect(await me(token)).toBe(200);
    await f.server.ctx.database.executeSql('delete from sessions');
    expect(await me(token)).toBe(200);
    clock += 30_001;
    expect(await me(token)).toBe(401);
  });
});
