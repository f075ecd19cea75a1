import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@praxisready/model';
import { loadConfig, loadTestConfig } from './config.ts';

const key = randomBytes(32).toString('base64');

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv');
  } catch (e) {
    expect(isAppError(e) && e.code).toBe('CONFIG_INVALID');
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('server config', () => {
  it('applies defaults and resolves the data folder', () => {
    const c = loadConfig({ PRAXISREADY_MASTER_KEY: key, HOME: '/root' }, '/srv');
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8470,
      dataDir: '/srv/.praxisready',
      databaseUrl: undefined,
      jobs: true,
    });
    expect(c.masterKey).toHaveLength(32);
  });

  it('fails fast naming each bad key', () => {
    expect(configError({})).toContain('PRAXISREADY_MASTER_KEY');
    expect(configError({ PRAXISREADY_MASTER_KEY: 'c2hvcnQ=' })).toContain('32 random bytes');
    const many = configError({
      PRAXISREADY_MASTER_KEY: key,
      PRAXISREADY_PORT: '99999',
      DATABASE_URL: 'mysql://x',
    });
    expect(many).toContain('PRAXISREADY_PORT');
    expect(many).toContain('DATABASE_URL');
  });

  it('takes PostgreSQL from DATABASE_URL and the first admin from env', () => {
    const c = loadConfig(
      {
        PRAXISREADY_MASTER_KEY: key,
        DATABASE_URL: 'postgres://u@127.0.0.1/db',
        PRAXISREADY_ADMIN_EMAIL: 'a@b.de',
        PRAXISREADY_ADMIN_PASSWORD: 'lang-genug-123',
      },
      '/srv',
    );
    expect(c.databaseUrl).toBe('postgres://u@127.0.0.1/db');
    expect(c.bootstrapAdmin).toEqual({ email: 'a@b.de', password: 'lang-genug-123' });
  });

  it('gives tests an in-memory database, random key, no jobs', () => {
    const a = loadTestConfig();
    expect(a).toMatchObject({ memoryDb: true, jobs: false, port: 0, boardCacheMs: 0 });
    expect(a.masterKey.equals(loadTestConfig().masterKey)).toBe(false);
  });

  it('reads the mail integrations and requires their companions', () => {
    const c = loadConfig(
      {
        PRAXISREADY_MASTER_KEY: key,
        PRAXISREADY_SMTP_INTAKE_PORT: '2525',
        PRAXISREADY_IMAP_URL: 'imaps://imap.example.org/Anfragen',
        PRAXISREADY_IMAP_USER: 'intake',
        PRAXISREADY_IMAP_PASSWORD: 'geheim',
        PRAXISREADY_SMTP_URL: 'smtp://relay%40x:pw@127.0.0.1:2587',
        PRAXISREADY_MAIL_FROM: 'audit@systemhaus.test',
      },
      '/srv',
    );
    expect(c.smtpIntake).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(c.imap).toMatchObject({ host: 'imap.example.org', port: 993, secure: true, mailbox: 'Anfragen' });
    expect(c.smtpOut).toEqual({
      host: '127.0.0.1',
      port: 2587,
      secure: false,
      auth: { user: 'relay@x', pass: 'pw' },
    });
    expect(configError({ PRAXISREADY_MASTER_KEY: key, PRAXISREADY_IMAP_URL: 'imap://127.0.0.1' })).toContain(
      'PRAXISREADY_IMAP_USER',
    );
    expect(configError({ PRAXISREADY_MASTER_KEY: key, PRAXISREADY_IMAP_URL: 'http://x' })).toContain(
      'PRAXISREADY_IMAP_URL',
    );
    expect(configError({ PRAXISREADY_MASTER_KEY: key, PRAXISREADY_SMTP_URL: 'smtp://127.0.0.1' })).toContain(
      'PRAXISREADY_MAIL_FROM',
    );
  });
});
