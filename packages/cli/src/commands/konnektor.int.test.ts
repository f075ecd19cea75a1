import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { KonnektorFactsSchema } from '@praxisready/model';
import { simulatorPreset, startKonnektorSimulator, type KonnektorSimulator } from '@praxisready/konnektor';
import { runCli } from '../cli.ts';
import { run } from '../test-run.ts';

const sims: KonnektorSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function start(config: Parameters<typeof startKonnektorSimulator>[0]) {
  const s = await startKonnektorSimulator(config);
  sims.push(s);
  return s;
}

function ctxArgs(s: KonnektorSimulator): string[] {
  return [
    '--mandant',
    s.context.mandantId,
    '--client-system',
    s.context.clientSystemId,
    '--workplace',
    s.context.workplaceId,
  ];
}

/** Like test-run's run(), but with an environment (for --passphrase-env). */
async function runWithEnv(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, { stdout, stderr, stdin: Readable.from(['']), env, cwd: process.cwd() });
  return { code, out, err };
}

describe('praxisready konnektor inspect against the simulator', () => {
  it('exit 0 and a German report with the cards and terminals of the ready preset', async () => {
    const s = await start(simulatorPreset('ready'));
    const r = await run(['konnektor', 'inspect', '--url', s.url, ...ctxArgs(s)]);
    expect(r.code).toBe(0);
    const gt = s.groundTruth();
    expect(r.out).toContain(`Produkt:      ${gt.product.productName}`);
    for (const t of gt.terminals) {
      expect(r.out).toContain(`${t.ctId}  ${t.name}  IP ${t.ipAddress}`);
    }
    for (const c of gt.cards) {
      expect(r.out).toContain(`ICCSN ${c.iccsn}`);
    }
    expect(r.out).toContain(`gSMC-K:       ICCSN ${gt.connector.iccsn}`);
    expect(r.out).not.toContain('Fehler (');
  });

  it('--json prints exactly the KonnektorFacts; exit 1 when the Konnektor answered with faults', async () => {
    const s = await start(simulatorPreset('broken'));
    const r = await run(['konnektor', 'inspect', '--url', s.url, ...ctxArgs(s), '--json']);
    expect(r.code).toBe(1);
    const facts = KonnektorFactsSchema.parse(JSON.parse(r.out));
    expect(facts.errors.map((e) => e.gematikCode)).toEqual(['4000']);
    expect(facts.cards[0]!.pins[0]).toMatchObject({ pinType: 'PIN.SMC', status: 'BLOCKED', leftTries: 0 });
    expect(r.err).toBe('');
  });

  it('exit 2 when the Konnektor is not reachable', async () => {
    const s = await start(simulatorPreset('ready'));
    const url = s.url;
    await s.close();
    sims.splice(0);
    const r = await run([
      'konnektor',
      'inspect',
      '--url',
      url,
      '--mandant',
      'M',
      '--client-system',
      'C',
      '--workplace',
      'W',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[UNREACHABLE]');
    expect(r.err).toContain('Hinweis:');
  });

  it('mutual TLS with --pkcs12 and --passphrase-env; the passphrase never appears in the output', async () => {
    const s = await start({ ...simulatorPreset('ready'), profile: 'ti-gateway', vendor: 'hsk' });
    const dir = mkdtempSync(join(tmpdir(), 'konnektor-cli-'));
    const file = join(dir, 'client.p12');
    writeFileSync(file, s.client!.pfx);
    const pass = s.client!.pfxPassphrase;
    const r = await runWithEnv(
      [
        'konnektor',
        'inspect',
        '--url',
        s.url,
        ...ctxArgs(s),
        '--pkcs12',
        file,
        '--passphrase-env',
        'KON_P12',
      ],
      { KON_P12: pass },
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Anmeldung:    Client-Zertifikat');
    expect(r.out).toContain('RISE HSK');
    expect(`${r.out}${r.err}`).not.toContain(pass);
    const without = await run(['konnektor', 'inspect', '--url', s.url, ...ctxArgs(s)]);
    expect(without.code).toBe(2);
    expect(without.err).toContain('[UNAUTHENTICATED]');
  });

  it('basic auth: USER:PASS, or USER with the password from the environment; never echoed', async () => {
    const s = await start({
      ...simulatorPreset('ready'),
      basicAuth: { username: 'pvs', password: 'Geheim-4711' },
    });
    const inline = await run([
      'konnektor',
      'inspect',
      '--url',
      s.url,
      ...ctxArgs(s),
      '--basic',
      'pvs:Geheim-4711',
    ]);
    expect(inline.code).toBe(0);
    expect(`${inline.out}${inline.err}`).not.toContain('Geheim-4711');
    const env = await runWithEnv(
      ['konnektor', 'inspect', '--url', s.url, ...ctxArgs(s), '--basic', 'pvs', '--passphrase-env', 'KON_PW'],
      { KON_PW: 'Geheim-4711' },
    );
    expect(env.code).toBe(0);
    const wrong = await run(['konnektor', 'inspect', '--url', s.url, ...ctxArgs(s), '--basic', 'pvs:falsch']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).not.toContain('falsch');
  });
});
