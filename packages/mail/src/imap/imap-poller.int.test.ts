import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIntakeMail } from '../intake/parse-intake.ts';
import { startDovecot, type DovecotServer } from '../test-support/dovecot.ts';
import { createImapPoller, type ImapMessageMeta, type ImapPollerOptions } from './imap-poller.ts';

const FIXTURES = join(import.meta.dirname, '..', '__fixtures__', 'intake');
const fixture = (f: string): Buffer => readFileSync(join(FIXTURES, f));

let dovecot: DovecotServer;
let userIndex = 0;
let user: { user: string; pass: string };
const USERS = Array.from({ length: 8 }, (_, i) => ({ user: `intake${i}`, pass: `pw-${i}-test` }));

beforeAll(async () => {
  dovecot = await startDovecot({ users: USERS });
});
afterAll(async () => {
  await dovecot.stop();
});
beforeEach(() => {
  // A fresh mailbox per test: one Dovecot, one user each.
  user = USERS[userIndex++]!;
});

function poller(onMail: ImapPollerOptions['onMail'], extra: Partial<ImapPollerOptions> = {}) {
  return createImapPoller({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: user,
    onMail,
    ...extra,
  });
}

async function unseenCount(mailbox = 'INBOX'): Promise<number> {
  const c = await dovecot.client(user.user);
  try {
    const status = await c.status(mailbox, { unseen: true, messages: true });
    return status === false ? -1 : (status.unseen ?? -1);
  } finally {
    await c.logout();
  }
}

describe('createImapPoller against a real Dovecot', () => {
  it('fetches unseen mails, hands over raw bytes with the Message-ID, marks them seen, no duplicate on re-poll', async () => {
    const files = ['01-einzelpraxis-plain.eml', '05-short-mobile.eml', '08-no-message-id-fax-first.eml'];
    for (const f of files) {
      await dovecot.append(user.user, fixture(f));
    }
    await dovecot.append(user.user, fixture('09-dashdash-praxisgemeinschaft.eml'), { flags: ['\\Seen'] });
    const got: { raw: Buffer; meta: ImapMessageMeta }[] = [];
    const p = poller((raw, meta) => Promise.resolve(void got.push({ raw, meta })));

    const first = await p.pollOnce();
    expect(first).toMatchObject({ found: 3, processed: 3, failed: [], tooLarge: [] });
    expect(got.map((g) => g.meta.messageId)).toEqual([
      '20261110081419.4711@praxis-dr-hoffmann.de',
      'CAKx8z=9f1@mail.gmail.com',
      undefined,
    ]);
    // IMAP may rewrite line endings, but the message survives intact for the parser.
    const parsed = await parseIntakeMail(got[0]!.raw);
    expect(parsed.messageId).toBe(got[0]!.meta.messageId);
    expect(parsed.extracted.practiceName?.value).toBe('Praxis Dr. med. Katrin Hoffmann');
    expect(
      got.every((g) => g.meta.mailbox === 'INBOX' && g.meta.uid > 0 && g.meta.internalDate !== undefined),
    ).toBe(true);
    expect(await unseenCount()).toBe(0);

    const second = await p.pollOnce();
    expect(second).toMatchObject({ found: 0, processed: 0 });
    expect(got).toHaveLength(3);
  });

  it('leaves a mail unseen when onMail fails and delivers it on the next poll', async () => {
    await dovecot.append(user.user, fixture('02-gemeinschaftspraxis-html.eml'));
    let fail = true;
    const stored: string[] = [];
    const p = poller((_raw, meta) => {
      if (fail) {
        return Promise.reject(new Error('db down'));
      }
      stored.push(meta.messageId ?? '');
      return Promise.resolve();
    });
    const first = await p.pollOnce();
    expect(first.processed).toBe(0);
    expect(first.failed).toEqual([
      { uid: 1, messageId: 'CAF=4a7b9c@gp-schmidt-partner.de', error: 'db down' },
    ]);
    expect(await unseenCount()).toBe(1);
    fail = false;
    expect((await p.pollOnce()).processed).toBe(1);
    expect(stored).toEqual(['CAF=4a7b9c@gp-schmidt-partner.de']);
    expect(await unseenCount()).toBe(0);
  });

  it('exposes the same Message-ID for a mail delivered twice, so the caller can dedupe', async () => {
    await dovecot.append(user.user, fixture('06-zahnarzt-konnektor.eml'));
    await dovecot.append(user.user, fixture('06-zahnarzt-konnektor.eml'));
    const cases = new Map<string, number>();
    const p = poller((_raw, meta) => {
      const key = meta.messageId!;
      cases.set(key, (cases.get(key) ?? 0) + 1);
      return Promise.resolve();
    });
    expect((await p.pollOnce()).processed).toBe(2);
    expect([...cases.keys()]).toEqual(['5f3e2a1b-aaaa-bbbb-cccc-0123456789ab@zahnarzt-weber-hannover.de']);
  });

  it('moves handled mails to processedMailbox, creating it', async () => {
    await dovecot.append(user.user, fixture('07-related-logo-contact-label.eml'));
    const p = poller(() => Promise.resolve(), { processedMailbox: 'Verarbeitet' });
    expect((await p.pollOnce()).processed).toBe(1);
    const c = await dovecot.client(user.user);
    try {
      const inbox = await c.status('INBOX', { messages: true });
      const done = await c.status('Verarbeitet', { messages: true });
      expect(inbox !== false && inbox.messages).toBe(0);
      expect(done !== false && done.messages).toBe(1);
    } finally {
      await c.logout();
    }
  });

  it('flags mails over maxSize instead of downloading them, and skips them afterwards', async () => {
    await dovecot.append(user.user, fixture('03-mvz-latin1-attachment.eml'));
    const p = poller(() => Promise.reject(new Error('must not be called')), { maxSize: 500 });
    const first = await p.pollOnce();
    expect(first.tooLarge).toHaveLength(1);
    expect(first.tooLarge[0]!.messageId).toBe('AM0PR01MB1234.eurprd01.prod.outlook.com');
    expect((await p.pollOnce()).found).toBe(0);
    expect(await unseenCount()).toBe(1);
  });

  it('rejects a wrong password with UNAUTHENTICATED', async () => {
    const p = createImapPoller({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: user.user, pass: 'wrong' },
      onMail: () => Promise.resolve(),
    });
    await expect(p.pollOnce()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('start() polls on its schedule and stop() waits for the running poll', async () => {
    await dovecot.append(user.user, fixture('11-subject-only.eml'));
    const seen: string[] = [];
    const p = poller((_raw, meta) => Promise.resolve(void seen.push(meta.messageId ?? '')), {
      intervalMs: 100,
    });
    p.start();
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await dovecot.append(user.user, fixture('12-praxis-fuer-one-line.eml'));
    while (seen.length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await p.stop();
    expect(seen).toEqual([
      'sonnenschein-1@kinderarzt-sonnenschein.de',
      'petersen.2026.11.22@allgemeinmedizin-petersen.de',
    ]);
  });
});
