import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import { can, type Action } from '../auth/permissions.ts';

export interface ApiEnv {
  Variables: { actor: Actor | undefined; ctx: AppContext };
}
export type Api = OpenAPIHono<ApiEnv>;

/** Requires an authenticated principal that the permission table allows for `action`. */
export function authorize(action: Action): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) {
      throw new AppError('UNAUTHENTICATED', 'Authentication required (Authorization: Bearer <token>)');
    }
    if (actor.kind === 'system' || !can(actor.kind, action)) {
      throw new AppError('FORBIDDEN', `Not allowed for ${actor.kind}: ${action}`);
    }
    await next();
  };
}

/** The actor of an authorized route (set by `authorize`). */
export function actorOf(c: { get(key: 'actor'): Actor | undefined }): Actor {
  const a = c.get('actor');
  if (!a) {
    throw new AppError('UNAUTHENTICATED', 'Authentication required');
  }
  return a;
}

/**
 * A route with its permission: the action is enforced by middleware before validation (so a denied caller
 * learns nothing about the body) and published in the OpenAPI document as `x-permission`.
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'> & { path: string }>(
  action: Action | 'public',
  config: R,
) {
  const security = action === 'public' ? [] : [{ bearer: [] }];
  return createRoute({
    ...config,
    security,
    'x-permission': action,
    middleware: action === 'public' ? [] : [authorize(action)],
  });
}
