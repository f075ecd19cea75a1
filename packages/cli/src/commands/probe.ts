import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, ExitCode, toAppError, type FactsDocument } from '@praxisready/model';
import type { KonnektorAuth } from '@praxisready/konnektor';
import {
  checkScanTarget,
  defaultOutboxDir,
  flushOutbox,
  formatSummary,
  parseHostPort,
  parseProbeConfig,
  runProbe,
  uploadOrQueue,
  type NetworkPolicy,
  type ProbeConfigFile,
  type ProbeOptions,
} from '@praxisready/probe';
import type { Command, CommandContext } from '../command.ts';
import { parseJsonInput, readInput } from '../io.ts';

/** Environment variables for secrets; secrets never come from the command line or the config file. */
export const PROBE_SECRET_ENV = {
  konnektorPassword: 'PRAXISREADY_KONNEKTOR_PASSWORD',
  pkcs12Passphrase: 'PRAXISREADY_KONNEKTOR_PKCS12_PASSPHRASE',
  token: 'PRAXISREADY_TOKEN',
} as const;

const IPP_PORT = 631;

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function list(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Reads a secret from the environment, or asks for it on a terminal without echo. */
async function secret(ctx: CommandContext, envName: string, label: string): Promise<string> {
  const fromEnv = ctx.io.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  const stdin = ctx.io.stdin as NodeJS.ReadStream;
  if (!stdin.isTTY) {
    throw new AppError('CONFIG_INVALID', `${label} missing: set ${envName}`, {
      hint: `Geheimnis in die Umgebungsvariable ${envName} legen oder die Probe in einem Terminal starten (Abfrage ohne Echo).`,
    });
  }
  ctx.io.stderr.write(`${label}: `);
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  try {
    for await (const chunk of stdin) {
      const s = String(chunk);
      if (s === '\u0003') {
        throw new AppError('BAD_REQUEST', 'Abgebrochen');
      }
      if (s.includes('\r') || s.includes('\n')) {
        value += s.split(/[\r\n]/)[0] ?? '';
        break;
      }
      value = s === '\u007f' ? value.slice(0, -1) : value + s;
    }
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    ctx.io.stderr.write('\n');
  }
  return value;
}

async function konnektorAuth(ctx: CommandContext, cfg: ProbeConfigFile): Promise<KonnektorAuth> {
  const user = str(ctx, 'konnektor-user') ?? cfg.konnektor?.username;
  const p12 = str(ctx, 'konnektor-pkcs12') ?? cfg.konnektor?.pkcs12;
  if (user && p12) {
    throw new AppError('BAD_REQUEST', 'Use either --konnektor-user or --konnektor-pkcs12, not both');
  }
  if (user) {
    return {
      type: 'basic',
      username: user,
      password: await secret(ctx, PROBE_SECRET_ENV.konnektorPassword, 'Konnektor-Passwort'),
    };
  }
  if (p12) {
    const pfx = await readFile(resolve(ctx.io.cwd, p12)).catch((e: unknown) => {
      throw new AppError('NOT_FOUND', `PKCS#12 file not readable: ${p12}`, { cause: e });
    });
    return {
      type: 'pkcs12',
      pfx,
      passphrase: await secret(ctx, PROBE_SECRET_ENV.pkcs12Passphrase, 'PKCS#12-Passphrase'),
    };
  }
  return { type: 'none' };
}

/** `ID=EXPORT_DIR,IMPORT_DIR` (either dir may be empty). */
function parseGdtDevice(spec: string, cwd: string): { id: string; exportDir?: string; importDir?: string } {
  const m = /^([^=]+)=([^,]*),([^,]*)$/.exec(spec);
  if (!m) {
    throw new AppError('BAD_REQUEST', `--gdt-device takes ID=EXPORT_DIR,IMPORT_DIR, got ${spec}`);
  }
  return {
    id: m[1] ?? '',
    ...(m[2] ? { exportDir: resolve(cwd, m[2]) } : {}),
    ...(m[3] ? { importDir: resolve(cwd, m[3]) } : {}),
  };
}

function parseHosts(entries: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const m = /^([^=\s]+)=(\S+)$/.exec(e);
    if (!m) {
      throw new AppError('BAD_REQUEST', `--host takes NAME=ADDRESS, got ${e}`);
    }
    out[m[1] ?? ''] = m[2] ?? '';
  }
  return out;
}

/** Command line + config file → probe options. Command-line values win over the file. */
async function optionsFrom(
  ctx: CommandContext,
  cfg: ProbeConfigFile,
  policy: NetworkPolicy,
): Promise<ProbeOptions> {
  const konnektorUrl = str(ctx, 'konnektor') ?? cfg.konnektor?.url;
  const printers = [...(cfg.printers ?? []), ...list(ctx, 'printer')].map((p) => parseHostPort(p, IPP_PORT));
  const scan = str(ctx, 'scan') ?? cfg.scan;
  if (scan) {
    try {
      checkScanTarget(scan, policy); // refuse before anything runs
    } catch (e) {
      const err = toAppError(e);
      throw new AppError('BAD_REQUEST', err.message, { cause: err, ...(err.hint ? { hint: err.hint } : {}) });
    }
  }
  const budget = str(ctx, 'budget');
  const rate = str(ctx, 'scan-rate');
  const caFile = str(ctx, 'konnektor-ca') ?? cfg.konnektor?.caFile;
  const options: ProbeOptions = {
    policy,
    ...((str(ctx, 'pvs-server') ?? cfg.pvsServer)
      ? { pvsServer: str(ctx, 'pvs-server') ?? cfg.pvsServer }
      : {}),
    ...((str(ctx, 'pvs-product') ?? cfg.pvsProduct)
      ? { pvsProduct: str(ctx, 'pvs-product') ?? cfg.pvsProduct }
      : {}),
    hosts: { ...(cfg.hosts ?? {}), ...parseHosts(list(ctx, 'host')) },
    kimHosts: [...(cfg.kim ?? []), ...list(ctx, 'kim')],
    cardTerminals: [...(cfg.cardTerminals ?? []), ...list(ctx, 'card-terminal')],
    printers,
    gdtDirs: [...(cfg.gdtDirs ?? []), ...list(ctx, 'gdt-dir')].map((d) => resolve(ctx.io.cwd, d)),
    gdtDevices: list(ctx, 'gdt-device').map((spec) => parseGdtDevice(spec, ctx.io.cwd)),
    dnssd: ctx.values['no-dnssd'] === true ? false : (cfg.dnssd ?? true),
    internet: ctx.values['no-internet'] === true ? false : (cfg.internet ?? true),
    ...((str(ctx, 'windows-root') ?? cfg.windowsRoot)
      ? { windowsRoot: resolve(ctx.io.cwd, str(ctx, 'windows-root') ?? cfg.windowsRoot ?? '') }
      : {}),
    ...(str(ctx, 'bandwidth-url') ? { bandwidthUrl: str(ctx, 'bandwidth-url') } : {}),
    ...(scan ? { scan: { cidr: scan, ...(rate ? { ratePerSecond: Number(rate) } : {}) } } : {}),
    ...(budget ? { budgetMs: Number(budget) * 1000 } : {}),
    ...(list(ctx, 'only').length > 0 ? { only: list(ctx, 'only') } : {}),
    ...(list(ctx, 'skip').length > 0 ? { skip: list(ctx, 'skip') } : {}),
    ...((str(ctx, 'case') ?? cfg.caseId) ? { caseId: str(ctx, 'case') ?? cfg.caseId } : {}),
  };
  if (budget !== undefined && !(Number(budget) > 0)) {
    throw new AppError('BAD_REQUEST', `--budget takes seconds > 0, got ${budget}`);
  }
  if (rate !== undefined && !(Number(rate) > 0)) {
    throw new AppError('BAD_REQUEST', `--scan-rate takes connects per second > 0, got ${rate}`);
  }
  if (konnektorUrl) {
    options.konnektor = {
      url: konnektorUrl,
      ...((str(ctx, 'mandant') ?? cfg.konnektor?.mandantId)
        ? { mandantId: str(ctx, 'mandant') ?? cfg.konnektor?.mandantId }
        : {}),
      ...((str(ctx, 'client-system') ?? cfg.konnektor?.clientSystemId)
        ? { clientSystemId: str(ctx, 'client-system') ?? cfg.konnektor?.clientSystemId }
        : {}),
      ...((str(ctx, 'workplace') ?? cfg.konnektor?.workplaceId)
        ? { workplaceId: str(ctx, 'workplace') ?? cfg.konnektor?.workplaceId }
        : {}),
      ...(cfg.konnektor?.userId ? { userId: cfg.konnektor.userId } : {}),
      auth: await konnektorAuth(ctx, cfg),
      ...(caFile ? { caCertPem: await readFile(resolve(ctx.io.cwd, caFile), 'utf8') } : {}),
    };
  }
  return options;
}

function token(ctx: CommandContext): string {
  const t = str(ctx, 'token') ?? ctx.io.env[PROBE_SECRET_ENV.token];
  if (!t) {
    throw new AppError('BAD_REQUEST', `--upload needs --token or ${PROBE_SECRET_ENV.token}`);
  }
  return t;
}

export const probeCommand: Command = {
  name: 'probe',
  summary: 'Collect the audit facts of this PC and the practice network (read-only, no patient data)',
  usage:
    '[--json | --out facts.json] [--pvs-server HOST] [--konnektor URL] [--printer HOST[:PORT]]… [--gdt-dir DIR]…',
  description: [
    'Runs every collector concurrently with its own timeout and an overall budget; progress and a German summary',
    'go to stderr, the facts document (valid against packages/model/schema/facts.schema.json) to --out or stdout.',
    'Nothing is changed on this PC; subnet scans only with --scan. Secrets only from the environment:',
    `${PROBE_SECRET_ENV.konnektorPassword}, ${PROBE_SECRET_ENV.pkcs12Passphrase}, ${PROBE_SECRET_ENV.token} (or a prompt on a terminal).`,
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'print the facts document to stdout' },
    out: { type: 'string', arg: 'FILE', description: 'write the facts document to FILE' },
    config: { type: 'string', arg: 'FILE', description: 'JSON config file with the targets (no secrets)' },
    'pvs-server': { type: 'string', arg: 'HOST', description: 'PVS/DB server: port list check' },
    'pvs-product': {
      type: 'string',
      arg: 'NAME',
      description: 'x.concept, x.comfort, x.isynet, medatixx, easymed (port list column)',
    },
    konnektor: { type: 'string', arg: 'URL', description: 'Konnektor base URL, e.g. https://192.168.10.10' },
    mandant: { type: 'string', arg: 'ID', description: 'Mandant-ID for the Konnektor context' },
    'client-system': { type: 'string', arg: 'ID', description: 'Clientsystem-ID' },
    workplace: { type: 'string', arg: 'ID', description: 'Arbeitsplatz-ID' },
    'konnektor-user': {
      type: 'string',
      arg: 'USER',
      description: `Basic auth user (password from ${PROBE_SECRET_ENV.konnektorPassword})`,
    },
    'konnektor-pkcs12': {
      type: 'string',
      arg: 'FILE',
      description: `client certificate (passphrase from ${PROBE_SECRET_ENV.pkcs12Passphrase})`,
    },
    'konnektor-ca': {
      type: 'string',
      arg: 'FILE',
      description: 'PEM CA to verify the Konnektor certificate (else recorded only)',
    },
    kim: { type: 'string', multiple: true, arg: 'HOST', description: 'KIM client module host' },
    'card-terminal': {
      type: 'string',
      multiple: true,
      arg: 'HOST',
      description: 'card terminal, SICCT 4742',
    },
    printer: {
      type: 'string',
      multiple: true,
      arg: 'HOST[:PORT]',
      description: 'IPP printer (default port 631)',
    },
    'gdt-device': {
      type: 'string',
      multiple: true,
      arg: 'ID=EXPORT,IMPORT',
      description: 'GDT device with its order (export) and result (import) folder',
    },
    'gdt-dir': {
      type: 'string',
      multiple: true,
      arg: 'DIR',
      description: 'GDT exchange folder',
    },
    host: {
      type: 'string',
      multiple: true,
      arg: 'NAME=ADDR',
      description: 'resolve NAME to ADDR (e.g. the ini Hostname)',
    },
    'windows-root': {
      type: 'string',
      arg: 'DIR',
      description: 'directory standing for the Windows drives (DIR/C/…)',
    },
    'no-dnssd': { type: 'boolean', description: 'no DNS-SD (mDNS multicast) printer discovery' },
    'no-internet': { type: 'boolean', description: 'no internet reachability check' },
    'bandwidth-url': {
      type: 'string',
      arg: 'URL',
      description: 'optional download bandwidth test against URL',
    },
    scan: {
      type: 'string',
      arg: 'CIDR',
      description: 'TCP-connect scan of a private subnet (≤ /22) over the port list',
    },
    'scan-rate': {
      type: 'string',
      arg: 'N',
      description: 'scan: connects started per second (default 40000 into a LAN, 500000 on loopback)',
    },
    'loopback-only': { type: 'boolean', description: 'contact nothing outside 127.0.0.0/8 (tests, lab)' },
    only: {
      type: 'string',
      multiple: true,
      arg: 'ID',
      description: 'run only these collectors (id or area)',
    },
    skip: { type: 'string', multiple: true, arg: 'ID', description: 'skip these collectors' },
    budget: { type: 'string', arg: 'SECONDS', description: 'overall time bound (default 30)' },
    case: { type: 'string', arg: 'ID', description: 'case id to put into the facts document' },
    upload: {
      type: 'string',
      arg: 'URL',
      description: 'POST the facts to the server (kept in the outbox when offline)',
    },
    token: {
      type: 'string',
      arg: 'TOKEN',
      description: `enrollment token (better: ${PROBE_SECRET_ENV.token})`,
    },
    outbox: {
      type: 'string',
      arg: 'DIR',
      description: 'offline outbox (default: PRAXISREADY_OUTBOX or the user state dir)',
    },
    'flush-outbox': { type: 'boolean', description: 'only send what waits in the outbox (needs --upload)' },
  },
  exitCodes: {
    [ExitCode.OK]: 'facts collected (and uploaded or queued); not-applicable collectors are normal',
    [ExitCode.FAILURES]: 'facts written, but at least one collector failed or timed out (see summary)',
    [ExitCode.INPUT]: 'upload refused (token, validation), unreadable config or certificate file',
    [ExitCode.USAGE]: 'wrong option, scan target not allowed or too large',
    [ExitCode.CONFIG]: 'invalid config file, or a secret missing from the environment',
  },
  async run(ctx) {
    const policy: NetworkPolicy =
      ctx.values['loopback-only'] === true || ctx.io.env.PRAXISREADY_LOOPBACK_ONLY === '1'
        ? 'loopback'
        : 'any';
    const configPath = str(ctx, 'config');
    const cfg = configPath
      ? parseProbeConfig(parseJsonInput(await readInput(ctx.io, configPath), configPath))
      : {};
    const uploadUrl = str(ctx, 'upload') ?? cfg.upload;
    const outboxDir = str(ctx, 'outbox')
      ? resolve(ctx.io.cwd, str(ctx, 'outbox') ?? '')
      : defaultOutboxDir(ctx.io.env);
    if (ctx.values['flush-outbox'] === true) {
      if (!uploadUrl) {
        throw new AppError('BAD_REQUEST', '--flush-outbox needs --upload URL');
      }
      const r = await flushOutbox(outboxDir, { url: uploadUrl, token: token(ctx), policy });
      ctx.err(
        `Outbox ${outboxDir}: ${r.sent.length} gesendet, ${r.remaining.length} warten noch, ${r.invalid.length} ungültig`,
      );
      return r.remaining.length > 0 || r.invalid.length > 0 ? ExitCode.FAILURES : ExitCode.OK;
    }
    const options = await optionsFrom(ctx, cfg, policy);
    ctx.err(
      `Probe ${policy === 'loopback' ? '(nur Loopback) ' : ''}startet – nur lesend, keine Patientendaten.`,
    );
    const { facts, runs } = await runProbe(options, { onProgress: (l) => ctx.err(l) });
    const json = `${JSON.stringify(facts, null, 2)}\n`;
    const out = str(ctx, 'out');
    if (out) {
      await writeFile(resolve(ctx.io.cwd, out), json);
      ctx.err(`Fakten geschrieben: ${out}`);
    }
    if (ctx.values.json === true || !out) {
      ctx.io.stdout.write(json);
    }
    for (const line of formatSummary(facts, runs)) {
      ctx.err(line);
    }
    if (uploadUrl) {
      await upload(ctx, facts, { url: uploadUrl, token: token(ctx), policy, outboxDir });
    }
    return runs.some((r) => r.status === 'failed' || r.status === 'timeout')
      ? ExitCode.FAILURES
      : ExitCode.OK;
  },
};

async function upload(
  ctx: CommandContext,
  facts: FactsDocument,
  o: { url: string; token: string; policy: NetworkPolicy; outboxDir: string },
) {
  const r = await uploadOrQueue(facts, o);
  ctx.err(
    r.status === 'sent'
      ? `Hochgeladen (HTTP ${r.httpStatus}, ${r.attempts} Versuch${r.attempts === 1 ? '' : 'e'}).`
      : `Server nicht erreichbar – in der Outbox gespeichert: ${r.path}. Später senden: praxisready probe --flush-outbox --upload URL`,
  );
}
