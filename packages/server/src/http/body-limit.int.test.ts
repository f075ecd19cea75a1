import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';

// The body limit is skipped for GET and HEAD (no body; asking for one costs a full Request per request):
// bodies of every other method are still limited.
describe.each(ENGINES)('body limit on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, { maxUploadBytes: 1000 });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  it('refuses a too large POST body with 413 TOO_LARGE and still serves GETs', async () => {
    const big = { source: 'manual', intake: { practiceName: 'x'.repeat(100_000) } };
    const r = await f.req('POST', '/api/cases', f.tokens.dispatcher, big);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { code: string }).code).toBe('TOO_LARGE');
    const ok = await f.req('POST', '/api/cases', f.tokens.dispatcher, {
      source: 'manual',
      intake: { practiceName: 'Praxis Klein' },
    });
    expect(ok.status).toBe(201);
    expect((await f.req('GET', '/api/board', f.tokens.dispatcher)).status).toBe(200);
  });
});
