import { afterAll, beforeAll } from 'vitest';
import type { ServerConfig } from '../config/config.ts';
import { createTestDatabase, type Engine, type TestDatabase } from './db.ts';
import { createFixture, type Fixture } from './fixture.ts';

/**
 * A fixture server on a fresh database of `engine` for the enclosing describe block: created before its tests,
 * closed and dropped after them. Read it inside tests through the returned getter (it exists only then).
 */
export function useFixture(engine: Engine, overrides: Partial<ServerConfig> = {}): () => Fixture {
  let tdb: TestDatabase | undefined;
  let f: Fixture | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, overrides);
  });
  afterAll(async () => {
    await f?.server.close();
    await tdb?.drop();
  });
  return () => {
    if (!f) {
      throw new Error('useFixture: read the fixture inside a test, after beforeAll');
    }
    return f;
  };
}
