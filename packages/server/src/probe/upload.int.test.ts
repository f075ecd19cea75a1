/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON bodies of API responses are read loosely in this test */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';
import { intakeMail } from '../intake/service.ts';
import { systemActor } from '../context.ts';

const facts = JSON.parse(
  readFileSync(new URL('../__fixtures__/facts-empfang.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe.each(ENGINES)('probe uploads and rows a person removed, on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let base: string;
  const call = async (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    status = 200,
  ): Promise<any> => {
    const r = await f.req(method, path, (f.tokens as Record<string, string>)[token] ?? token, body);
    const text = await r.text();
    expect(r.status, `${method} ${path}: ${text}`).toBe(status);
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database);
    const r = await intakeMail(f.server.ctx, systemActor('test'), {
      messageId: 'anfrage-removed-rows@praxis.example',
      subject: 'Anfrage Tech-Audit',
      data: { practiceName: 'Praxis Dr. Entfernt' },
      raw: Buffer.from('Subject: Anfrage Tech-Audit\r\n\r\nBitte um Audit.\r\n'),
    });
    base = `/api/cases/${r.caseId}`;
    await call('PUT', `${base}/assignments/technician`, 'admin', { userId: f.userIds.technician });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  it('a removed machine is not re-added by the next upload; taking the probe row brings it back', async () => {
    const enrollment = await call('POST', `${base}/probe-enrollments`, 'technician', undefined, 201);
    await call('POST', '/api/probe/uploads', enrollment.token, facts);
    const s1 = await call('GET', `${base}/sheet`, 'technician');
    const id = s1.sheet.machines[0].id as string;
    expect(s1.sheet.removedRows).toEqual([]);

    // the technician removes the machine (the browser also sends a removedRows of its own: ignored)
    await call('PUT', `${base}/sheet`, 'technician', {
      revision: s1.revision,
      sheet: { ...s1.sheet, machines: [], removedRows: [] },
    });
    const s2 = await call('GET', `${base}/sheet`, 'technician');
    expect(s2.sheet.machines).toEqual([]);
    expect(s2.sheet.removedRows).toEqual([
      expect.objectContaining({ path: 'machines', id, by: expect.stringContaining('technician') }),
    ]);

    const up = await call('POST', '/api/probe/uploads', enrollment.token, {
      ...facts,
      documentId: 'doc-removed-rows-2',
    });
    expect(up.conflicts.map((k: any) => k.path)).toEqual([`machines[${id}]`]);
    const s3 = await call('GET', `${base}/sheet`, 'technician');
    expect(s3.sheet.machines).toEqual([]);
    const k = s3.conflicts.find((c: any) => c.path === `machines[${id}]`);
    expect(k).toMatchObject({ kept: { removed: true, path: 'machines', id }, incoming: { id } });

    await call('POST', `${base}/sheet/conflicts/${k.id}`, 'technician', { take: 'incoming' });
    const s4 = await call('GET', `${base}/sheet`, 'technician');
    expect(s4.sheet.machines.map((m: any) => m.id)).toEqual([id]);
    expect(s4.sheet.removedRows).toEqual([]);
  });
});
