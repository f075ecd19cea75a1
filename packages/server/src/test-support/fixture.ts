import type { Role } from '../auth/permissions.ts';
import { ROLES } from '../auth/permissions.ts';
import { createUser, login } from '../auth/service.ts';
import { loadTestConfig, type ServerConfig } from '../config/config.ts';
import { systemActor } from '../context.ts';
import type { Database } from '../db/connect.ts';
import { createServer, type CreateServerOptions, type PraxisreadyServer } from '../server.ts';

export interface Fixture {
  server: PraxisreadyServer;
  /** Bearer tokens per role; the customer user belongs to `customerId`. */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  customerId: string;
  /** In-process request with a bearer token. */
  req(method: string, path: string, token?: string, body?: unknown): Promise<Response>;
}

export const PASSWORD = 'Test-Passwort-123!';

/** A server on the given database with one user per role and a customer for the customer user. */
export async function createFixture(
  database: Database,
  overrides: Partial<ServerConfig> = {},
  options: CreateServerOptions = {},
): Promise<Fixture> {
  const config = loadTestConfig(overrides);
  const server = await createServer(config, { database, log: () => {}, ...options });
  const { ctx } = server;
  const { matchOrCreatePractice } = await import('../customers/service.ts');
  const practice = await ctx.db.transaction((tx) =>
    matchOrCreatePractice(tx, systemActor('test'), {
      name: 'Praxis Dr. Kundin',
      street: 'Kundenweg 1',
      postalCode: '10115',
      city: 'Berlin',
    }),
  );
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const u = await createUser(ctx, systemActor('test'), {
      email: `${role}@praxisready.test`,
      name: `Test ${role}`,
      role,
      password: PASSWORD,
      ...(role === 'customer' ? { customerId: practice.customerId } : {}),
    });
    userIds[role] = u.id;
    tokens[role] = (await login(ctx, u.email, PASSWORD)).token;
  }
  return {
    server,
    tokens,
    userIds,
    customerId: practice.customerId,
    req(method, path, token, body) {
      const headers: Record<string, string> = {};
      if (token) {
        headers.authorization = `Bearer ${token}`;
      }
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
      }
      return Promise.resolve(
        server.app.request(path, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    },
  };
}
