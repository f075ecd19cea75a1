/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of API responses are read loosely in this test */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/db.ts';
import { useFixture } from '../test-support/lifecycle.ts';
import { PASSWORD } from '../test-support/fixture.ts';
import { login } from './service.ts';

describe.each(ENGINES)('user management on %s', (engine) => {
  const fixture = useFixture(engine);
  const patch = (id: string, body: unknown, token = fixture().tokens.admin) =>
    fixture().req('PATCH', `/api/users/${id}`, token, body);
  const newUser = async (email: string, role: string) =>
    (await (
      await fixture().req('POST', '/api/users', fixture().tokens.admin, {
        email,
        name: email,
        role,
        password: PASSWORD,
      })
    ).json()) as { id: string };

  it('deactivating ends the sessions at once (also a cached one) and blocks login; reactivating allows it again', async () => {
    const u = await newUser('tech2@praxisready.test', 'technician');
    const { token } = await login(fixture().server.ctx, 'tech2@praxisready.test', PASSWORD);
    // resolve once so the session sits in the in-process cache
    expect((await fixture().req('GET', '/api/auth/me', token)).status).toBe(200);
    const res = await patch(u.id, { active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: u.id, active: false });
    expect((await fixture().req('GET', '/api/auth/me', token)).status).toBe(401);
    const refused = await fixture().req('POST', '/api/auth/login', undefined, {
      email: 'tech2@praxisready.test',
      password: PASSWORD,
    });
    expect(refused.status).toBe(401);
    const sessions = await fixture().server.ctx.database.executeSql(
      'select count(*)::int as n from sessions where user_id = $1',
      [u.id],
    );
    expect(sessions.rows[0]!.n).toBe(0);
    expect((await patch(u.id, { active: true })).status).toBe(200);
    const again = await fixture().req('POST', '/api/auth/login', undefined, {
      email: 'tech2@praxisready.test',
      password: PASSWORD,
    });
    expect(again.status).toBe(200);
    const actions = (
      await fixture().server.ctx.database.executeSql(
        "select action, before->>'active' as b, after->>'active' as a from audit_events where entity_id = $1 order by id",
        [u.id],
      )
    ).rows;
    expect(actions).toEqual([
      { action: 'user.created', b: null, a: 'true' },
      { action: 'user.deactivated', b: 'true', a: 'false' },
      { action: 'user.reactivated', b: 'false', a: 'true' },
    ]);
  });

  it('a role change applies to the next request of an open (cached) session', async () => {
    const u = await newUser('rolle@praxisready.test', 'sales');
    const { token } = await login(fixture().server.ctx, 'rolle@praxisready.test', PASSWORD);
    expect((await fixture().req('GET', '/api/users', token)).status).toBe(403);
    const res = await patch(u.id, { role: 'helpdesk' });
    expect(await res.json()).toMatchObject({ role: 'helpdesk', active: true });
    expect((await fixture().req('GET', '/api/users', token)).status).toBe(200);
    const me: any = await (await fixture().req('GET', '/api/auth/me', token)).json();
    expect(me.role).toBe('helpdesk');
    // a customer user needs a customer
    expect((await patch(u.id, { role: 'customer' })).status).toBe(400);
    expect(
      await (await patch(u.id, { role: 'customer', customerId: fixture().customerId })).json(),
    ).toMatchObject({
      role: 'customer',
      customerId: fixture().customerId,
    });
  });

  it('an admin cannot deactivate themselves, and the last admin cannot be removed', async () => {
    const self = await patch(fixture().userIds.admin, { active: false });
    expect(self.status).toBe(409);
    expect((await self.json()).hint).toContain('eigene Konto');
    const demote = await patch(fixture().userIds.admin, { role: 'technician' });
    expect(demote.status).toBe(409);
    expect((await demote.json()).hint).toContain('letzte aktive Admin');
    // with a second admin, the first may be demoted by the second; then the second is the last one
    const second = await newUser('admin2@praxisready.test', 'admin');
    const t2 = (await login(fixture().server.ctx, 'admin2@praxisready.test', PASSWORD)).token;
    expect((await patch(fixture().userIds.admin, { role: 'technician' }, t2)).status).toBe(200);
    expect((await patch(second.id, { active: false }, t2)).status).toBe(409);
    expect((await patch(second.id, { role: 'sales' }, t2)).status).toBe(409);
    // restore the fixture's admin (its session got the new role at once: it is no longer admin)
    expect((await patch(fixture().userIds.admin, {}, fixture().tokens.admin)).status).toBe(403);
    expect((await patch(fixture().userIds.admin, { role: 'admin' }, t2)).status).toBe(200);
    expect((await patch(fixture().userIds.admin, {}, fixture().tokens.admin)).status).toBe(200);
  });

  it('only admins manage users; unknown users are 404', async () => {
    for (const role of ['dispatcher', 'helpdesk', 'technician', 'sales', 'ranger', 'customer'] as const) {
      expect(
        (await patch(fixture().userIds.sales, { active: false }, fixture().tokens[role])).status,
        role,
      ).toBe(403);
    }
    expect((await patch('nope', { active: false })).status).toBe(404);
  });
});
