import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { AppError, httpStatusOf, toAppError, type Issue } from '@praxisready/model';
import type { AppContext } from '../context.ts';
import { resolveToken } from '../auth/service.ts';
import { tokenHash } from '../auth/secrets-hash.ts';
import type { ApiEnv } from './env.ts';
import { registerRoutes } from './routes.ts';
import { registerDocumentRoutes } from '../documents/routes.ts';

/** The HTTP body of every 4xx/5xx: one error vocabulary, issues with path and message. */
export interface ErrorBody {
  code: string;
  message: string;
  issues: { path: string; message: string }[];
  hint?: string;
}

function errorBody(e: AppError): ErrorBody {
  const internal =
    httpStatusOf(e.code) >= 500 &&
    e.code !== 'UNREACHABLE' &&
    e.code !== 'TIMEOUT' &&
    e.code !== 'NOT_SUPPORTED';
  return {
    code: e.code,
    // 5xx messages can carry internals (SQL, paths); the log has them, the client gets the code.
    message: internal ? 'Internal error' : e.message,
    issues: e.issues.map((i: Issue) => ({ path: i.path.join('.'), message: i.message })),
    ...(e.hint && !internal ? { hint: e.hint } : {}),
  };
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface AppOptions {
  log?: (line: string) => void;
}

/** Builds the Hono app: auth, routes with permissions, OpenAPI document, error handler, static files. */
export function buildApp(ctx: AppContext, options: AppOptions = {}) {
  const log = options.log ?? (() => {});
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('VALIDATION_FAILED', 'Request does not match the schema', {
          issues: result.error.issues.map((i) => ({
            code: i.code,
            path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
            message: i.message,
            severity: 'error' as const,
          })),
        });
      }
      return undefined;
    },
  });

  app.onError((err, c) => {
    const e = isJsonSyntaxError(err)
      ? new AppError('PARSE_FAILED', 'Body is not valid JSON', { cause: err })
      : toAppError(err);
    const status = httpStatusOf(e.code);
    if (status >= 500) {
      log(`${c.req.method} ${c.req.path} → ${status} ${e.code}: ${e.message}`);
    }
    return c.json(errorBody(e), status as 400);
  });
  app.notFound((c) =>
    c.json(errorBody(new AppError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}`)), 404),
  );

  app.use('/api/*', async (c, next) => {
    c.set('ctx', ctx);
    c.set('actor', undefined);
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) {
        throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      }
      const token = m[1]!;
      const client = c.req.header('x-forwarded-for') ?? 'local';
      // Form links are public-facing: limit per link, and limit guessing per client.
      if (token.startsWith('prp_') && !ctx.limits.token.hit(tokenHash(token))) {
        throw new AppError('RATE_LIMITED', 'Too many requests for this link; try again in a minute');
      }
      const actor = await resolveToken(ctx, token);
      if (!actor) {
        if (!ctx.limits.badToken.hit(client)) {
          throw new AppError('RATE_LIMITED', 'Too many invalid tokens');
        }
        throw new AppError('UNAUTHENTICATED', 'Unknown, expired or revoked token');
      }
      c.set('actor', actor);
    }
    await next();
    if (c.req.method !== 'GET' && c.res.status < 400) {
      ctx.writeVersion.value++;
    }
  });
  // GET and HEAD carry no body; asking for one makes @hono/node-server build a full fetch Request per request
  // (~7 % of the CPU of a cached board response).
  app.use(
    '/api/*',
    except(
      (c) => c.req.method === 'GET' || c.req.method === 'HEAD',
      bodyLimit({
        maxSize: ctx.config.maxUploadBytes + 64 * 1024,
        onError: () => {
          throw new AppError('TOO_LARGE', `Body larger than ${ctx.config.maxUploadBytes} bytes`);
        },
      }),
    ),
  );

  registerRoutes(app);
  registerDocumentRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/api/health', (c) => c.json({ ok: true, engine: ctx.database.engine }));

  // Hook for the web UI (another issue): files from PRAXISREADY_STATIC_DIR, index.html for client routes.
  if (ctx.config.staticDir) {
    const root = resolve(ctx.config.staticDir);
    app.get('*', async (c) => {
      const wanted = resolve(root, `.${decodeURIComponent(c.req.path)}`);
      const file =
        wanted.startsWith(root + sep) && extname(wanted) !== '' ? wanted : resolve(root, 'index.html');
      try {
        const bytes = await readFile(file);
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
        });
      } catch {
        return c.json(errorBody(new AppError('NOT_FOUND', 'Not found')), 404);
      }
    });
  }
  return app;
}

function isJsonSyntaxError(err: unknown): boolean {
  return err instanceof SyntaxError || (err instanceof Error && /Malformed JSON/i.test(err.message));
}

export function openApiDocument(app: OpenAPIHono<ApiEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Praxisready server',
      version: '0.1.0',
      description: 'Case workflow of seed 000. Every operation lists its permission in x-permission.',
    },
  });
}
