import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import { preinfoLinks, probeEnrollments, sessions, users } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { conflict } from '../errors.ts';
import type { Role } from './permissions.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from './secrets-hash.ts';

export const SESSION_TOKEN_PREFIX = 'prs';
/** How long a resolved session is trusted without asking the database again. */
const SESSION_CACHE_MS = 30_000;

export function userDto(u: typeof users.$inferSelect) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    customerId: u.customerId,
    active: u.active,
  };
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string; customerId?: string | undefined },
) {
  if (input.role === 'customer' && !input.customerId) {
    throw new AppError('VALIDATION_FAILED', 'A customer user needs a customerId', {
      issues: [
        { code: 'required', path: ['customerId'], message: 'required for role customer', severity: 'error' },
      ],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const row = (
      await tx
        .insert(users)
        .values({
          id: randomUUID(),
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          customerId: input.customerId ?? null,
          passwordHash,
        })
        .onConflictDoNothing()
        .returning()
    )[0];
    if (!row) {
      throw conflict(`A user with e-mail ${input.email} exists`);
    }
    await recordAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: userDto(row),
    });
    return userDto(row);
  });
}

export async function listUsers(ctx: AppContext) {
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map(userDto);
}

/** Password login; returns a bearer token valid for the session TTL. */
export async function login(ctx: AppContext, email: string, password: string) {
  const user = (await ctx.db.select().from(users).where(eq(users.email, email.toLowerCase())))[0];
  const okPassword = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, DUMMY_HASH);
  if (!user || !okPassword || !user.active) {
    throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  }
  const token = newToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlMs);
  await ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(sessions).values({ id, tokenHash: tokenHash(token), userId: user.id, expiresAt });
    await recordAudit(tx, actorOf(user), {
      action: 'session.created',
      entityType: 'session',
      entityId: id,
      after: { expiresAt },
    });
  });
  return { token, expiresAt: expiresAt.toISOString(), user: userDto(user) };
}

// Same cost for unknown users, so timing does not reveal which e-mails exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function logout(ctx: AppContext, token: string) {
  ctx.sessionCache.delete(tokenHash(token));
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/**
 * The ONE way to make this process forget a user's resolved sessions (deactivation, role change): every
 * cached entry of the user goes, so the next request asks the database. Callers delete or keep the session
 * rows themselves; whoever changes the cache's shape changes this function, not its callers.
 */
export function invalidateUserSessions(ctx: AppContext, userId: string): void {
  for (const [hash, entry] of ctx.sessionCache) {
    if (entry.actor.id === userId) {
      ctx.sessionCache.delete(hash);
    }
  }
}

export function actorOf(u: typeof users.$inferSelect): Actor {
  return {
    id: u.id,
    label: u.email,
    kind: u.role as Role,
    role: u.role as Role,
    customerId: u.customerId,
    caseId: null,
  };
}

/**
 * Resolves a bearer token by its prefix: `prs_` session, `prp_` pre-information link, `pre_` probe enrollment.
 * Returns undefined for unknown, expired or revoked tokens.
 */
export async function resolveToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const now = ctx.now();
  const hash = tokenHash(token);
  const prefix = token.slice(0, 4);
  if (prefix === 'prs_') {
    const cached = ctx.sessionCache.get(hash);
    if (cached && cached.until > now.getTime()) {
      return cached.actor;
    }
    const r = await ctx.db
      .select({ user: users, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now)));
    const u = r[0]?.user;
    if (!u?.active) {
      return undefined;
    }
    const actor = actorOf(u);
    if (ctx.sessionCache.size > 10_000) {
      ctx.sessionCache.clear();
    }
    ctx.sessionCache.set(hash, {
      actor,
      until: Math.min(r[0]!.expiresAt.getTime(), now.getTime() + SESSION_CACHE_MS),
    });
    return actor;
  }
  if (prefix === 'prp_') {
    const l = (
      await ctx.db
        .select()
        .from(preinfoLinks)
        .where(
          and(
            eq(preinfoLinks.tokenHash, hash),
            gt(preinfoLinks.expiresAt, now),
            isNull(preinfoLinks.revokedAt),
          ),
        )
    )[0];
    return l
      ? {
          id: l.id,
          label: `preinfo-link:${l.id}`,
          kind: 'preinfo_token',
          role: undefined,
          customerId: null,
          caseId: l.caseId,
        }
      : undefined;
  }
  if (prefix === 'pre_') {
    const e = (
      await ctx.db
        .select()
        .from(probeEnrollments)
        .where(
          and(
            eq(probeEnrollments.tokenHash, hash),
            gt(probeEnrollments.expiresAt, now),
            isNull(probeEnrollments.revokedAt),
          ),
        )
    )[0];
    return e
      ? {
          id: e.id,
          label: `probe:${e.id}`,
          kind: 'probe_token',
          role: undefined,
          customerId: null,
          caseId: e.caseId,
        }
      : undefined;
  }
  return undefined;
}
