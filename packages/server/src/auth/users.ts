import { and, eq } from 'drizzle-orm';
import { AppError } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import { sessions, users } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import type { Role } from './permissions.ts';
import { invalidateUserSessions, userDto } from './service.ts';

export interface UserPatch {
  name?: string | undefined;
  role?: Role | undefined;
  /** Customer of a `customer` user; required when the role becomes customer. */
  customerId?: string | null | undefined;
  active?: boolean | undefined;
}

const refuse = (message: string, hint: string) => new AppError('CONFLICT', message, { hint });

/**
 * Changes a user's role, name or active flag (admin). Deactivating deletes the user's sessions in the same
 * transaction and, after the commit, drops them from this process's session cache: the next request with an
 * old token is 401, and login refuses inactive users. A role change keeps the sessions but drops the cache, so
 * the new role applies to the very next request. Refused (409): deactivating yourself, and any change that
 * leaves no active admin (checked with the admins' rows locked, so two admins demoting each other at the same
 * time cannot both succeed).
 */
export async function updateUser(ctx: AppContext, actor: Actor, userId: string, patch: UserPatch) {
  const result = await ctx.db.transaction(async (tx) => {
    // Lock the active admins first (same order in every caller), then read the target.
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)))
      .orderBy(users.id)
      .for('update');
    const before = (await tx.select().from(users).where(eq(users.id, userId)))[0];
    if (!before) {
      throw notFound('User');
    }
    const role = patch.role ?? (before.role as Role);
    const active = patch.active ?? before.active;
    const customerId = role === 'customer' ? (patch.customerId ?? before.customerId) : null;
    if (role === 'customer' && !customerId) {
      throw new AppError('VALIDATION_FAILED', 'A customer user needs a customerId', {
        issues: [
          {
            code: 'required',
            path: ['customerId'],
            message: 'required for role customer',
            severity: 'error',
          },
        ],
      });
    }
    if (!active && before.active && userId === actor.id) {
      throw refuse(
        'You cannot deactivate yourself',
        'Das eigene Konto kann nicht deaktiviert werden; das muss ein anderer Admin tun.',
      );
    }
    const staysAdmin = role === 'admin' && active;
    if (!staysAdmin && admins.some((a) => a.id === userId) && admins.length <= 1) {
      throw refuse(
        'The last active admin cannot be removed',
        'Das ist der letzte aktive Admin. Erst einen anderen Benutzer zum Admin machen.',
      );
    }
    const set = {
      role,
      active,
      customerId,
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
    };
    const after = (await tx.update(users).set(set).where(eq(users.id, userId)).returning())[0]!;
    const ended = !active
      ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
      : [];
    const action =
      before.active && !active
        ? 'user.deactivated'
        : !before.active && active
          ? 'user.reactivated'
          : 'user.updated';
    await recordAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      before: userDto(before),
      after: { ...userDto(after), ...(ended.length > 0 ? { sessionsEnded: ended.length } : {}) },
    });
    return {
      user: userDto(after),
      changedAuth: before.role !== after.role || before.active !== after.active,
    };
  });
  if (result.changedAuth) {
    invalidateUserSessions(ctx, userId);
  }
  return result.user;
}
