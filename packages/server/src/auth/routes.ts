import { z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { actorOf, defineRoute } from '../http/env.ts';
import { Id, json, ok } from '../http/openapi.ts';
import { ROLES, type Role } from './permissions.ts';
import { updateUser } from './users.ts';

/** User management beyond create/list (issue 7); registered from http/routes.ts. */
export function registerUserRoutes(app: Api): void {
  app.openapi(
    defineRoute('users.manage', {
      method: 'patch',
      path: '/api/users/{userId}',
      tags: ['users'],
      summary:
        'Change role or name, deactivate (sessions end at once) or reactivate a user; not yourself, never the last admin (409)',
      request: {
        params: z.object({ userId: Id }),
        ...json(
          z
            .object({
              name: z.string().trim().min(1).max(200).optional(),
              role: z.enum(ROLES as [Role, ...Role[]]).optional(),
              customerId: Id.nullable().optional(),
              active: z.boolean().optional(),
            })
            .openapi('UserPatch'),
        ),
      },
      responses: ok('User'),
    }),
    async (c) =>
      c.json(
        await updateUser(c.get('ctx'), actorOf(c), c.req.valid('param').userId, c.req.valid('json')),
        200,
      ),
  );
}
