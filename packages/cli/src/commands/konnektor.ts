import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, ExitCode, type KonnektorFacts } from '@praxisready/model';
import { inspectKonnektor, type KonnektorAuth } from '@praxisready/konnektor';
import type { Command, CommandContext } from '../command.ts';

const DAY = 86_400_000;

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(ctx: CommandContext, name: string): string {
  const v = str(ctx, name);
  if (v === undefined) {
    throw new AppError('BAD_REQUEST', `Missing --${name}`);
  }
  return v;
}

function secretFromEnv(ctx: CommandContext, what: string): string {
  const name = str(ctx, 'passphrase-env');
  if (name === undefined) {
    throw new AppError(
      'BAD_REQUEST',
      `${what} needs --passphrase-env VAR (the secret is read from that environment variable)`,
    );
  }
  const value = ctx.io.env[name];
  if (value === undefined || value === '') {
    throw new AppError('CONFIG_INVALID', `Environment variable ${name} is not set or empty`, {
      hint: `Geheimnis in die Umgebungsvariable ${name} legen, nicht auf die Kommandozeile.`,
    });
  }
  return value;
}

/** Auth from the options. Secrets come from the environment (PKCS#12 passphrase, or a Basic password without `:`). */
async function authFrom(ctx: CommandContext): Promise<KonnektorAuth> {
  const basic = str(ctx, 'basic');
  const p12 = str(ctx, 'pkcs12');
  if (basic !== undefined && p12 !== undefined) {
    throw new AppError('BAD_REQUEST', 'Use either --basic or --pkcs12, not both');
  }
  if (basic !== undefined) {
    const colon = basic.indexOf(':');
    return colon >= 0
      ? { type: 'basic', username: basic.slice(0, colon), password: basic.slice(colon + 1) }
      : { type: 'basic', username: basic, password: secretFromEnv(ctx, '--basic USER') };
  }
  if (p12 !== undefined) {
    const passphrase = secretFromEnv(ctx, '--pkcs12');
    let pfx: Buffer;
    try {
      pfx = await readFile(resolve(ctx.io.cwd, p12));
    } catch (e) {
      throw new AppError('NOT_FOUND', `PKCS#12 file not readable: ${p12}`, { cause: e });
    }
    return { type: 'pkcs12', pfx, passphrase };
  }
  return { type: 'none' };
}

export function daysLeft(date: string | undefined, now: Date): string {
  if (!date) {
    return '';
  }
  // xs:date values may carry a zone suffix (`2028-03-27Z`); a certificate is valid until the end of that day.
  const t = Date.parse(
    /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(date) ? `${date.slice(0, 10)}T23:59:59Z` : date,
  );
  if (!Number.isFinite(t)) {
    return '';
  }
  const diff = t - now.getTime();
  return diff < 0
    ? ` (ABGELAUFEN seit ${Math.floor(-diff / DAY)} Tagen)`
    : ` (noch ${Math.floor(diff / DAY)} Tage)`;
}

const TRUST_TEXT = {
  'accept-and-record': 'nur protokolliert',
  pinned: 'Fingerabdruck',
  ca: 'CA-Bundle',
} as const;

/** The German report for the technician. */
export function formatKonnektorFacts(f: KonnektorFacts, now: Date): string[] {
  const lines: string[] = [];
  const p = f.product;
  const yn = (b: boolean) => (b ? 'ja' : 'nein');
  lines.push(`Konnektor ${f.url}`);
  lines.push(
    `  Produkt:      ${p.productName ?? '?'} (${p.vendorName ?? '?'}; Hersteller-ID ${p.vendorId ?? '?'}, Produktcode ${p.productCode ?? '?'})`,
  );
  lines.push(
    `  Version:      Typ ${p.productType ?? '?'} ${p.productTypeVersion ?? ''}, Firmware ${p.fwVersion ?? '?'}, Hardware ${p.hwVersion ?? '?'}`,
  );
  if (f.tls) {
    const leaf = f.tls.chain[0];
    lines.push(
      `  TLS:          ${f.tls.protocol}, ${f.tls.cipher}; Vertrauen: ${TRUST_TEXT[f.tls.trustMode]}${f.tls.trusted ? ' (geprüft)' : ''}`,
    );
    if (leaf) {
      lines.push(
        `  Zertifikat:   CN ${leaf.commonName ?? leaf.subject}, SAN ${leaf.subjectAltNames.join(', ') || '-'}, gültig bis ${leaf.notAfter.slice(0, 10)}${daysLeft(leaf.notAfter, now)}`,
      );
      lines.push(`                SHA-256 ${leaf.fingerprint256}`);
    }
  } else {
    lines.push('  TLS:          nicht verwendet (http)');
  }
  lines.push(`  Anmeldung:    ${{ none: 'keine', basic: 'Basic-Auth', mtls: 'Client-Zertifikat' }[f.auth]}`);
  lines.push(
    `  connector.sds: TLS Pflicht: ${yn(f.sds.tlsMandatory)}, Client-Authentisierung Pflicht: ${yn(f.sds.clientAutMandatory)}${f.sds.endpointsRewritten ? ', Endpunkte auf Basis-URL umgeschrieben' : ''}`,
  );
  const used = f.services.filter((s) => s.selected);
  lines.push(
    `  Dienste:      ${used.map((s) => `${s.name} ${s.selected}`).join(', ') || '-'} (von ${f.services.length} im SDS)`,
  );
  lines.push(`  VPN TI:       ${f.vpn.ti?.status ?? '?'};  VPN SIS: ${f.vpn.sis?.status ?? '?'}`);
  const active = f.errorStates.filter((e) => e.active);
  lines.push(
    `  Betriebszustand: ${active.length === 0 ? 'keine aktiven Fehlerzustände' : `${active.length} aktiv`}`,
  );
  for (const e of active) {
    lines.push(`    - ${e.condition} (${e.severity}, ${e.type})`);
  }
  const cc = f.connectorCertificate;
  lines.push(
    `  gSMC-K:       ${cc ? `ICCSN ${cc.iccsn ?? '?'}, Zertifikat gültig bis ${cc.validity ?? '?'}${daysLeft(cc.validity, now)}` : 'nicht ermittelt'}`,
  );
  lines.push(
    `  Kontext:      Mandant ${f.context.mandantId}, Clientsystem ${f.context.clientSystemId}, Arbeitsplatz ${f.context.workplaceId}`,
  );
  lines.push('');
  lines.push(`Kartenterminals (${f.terminals.length}):`);
  for (const t of f.terminals) {
    const fw = t.placeholderProductInfo ? 'FW unbekannt' : `${t.productName ?? ''} FW ${t.firmware ?? '?'}`;
    lines.push(
      `  ${t.ctId}  ${t.name ?? ''}  IP ${t.ipAddress ?? '?'}  Arbeitsplätze: ${t.workplaceIds.join(', ') || '-'}  ${t.connected ? 'verbunden' : 'NICHT verbunden'}  ${fw}`,
    );
  }
  lines.push('');
  lines.push(`Karten (${f.cards.length}):`);
  for (const c of f.cards) {
    const expiry = c.checkedExpiration ?? c.certificateExpiration;
    const pins = c.pins
      .map(
        (x) =>
          `${x.pinType}: ${x.status ?? `Fehler ${x.error ?? ''}`}${x.leftTries !== undefined ? ` (${x.leftTries} Versuche)` : ''}`,
      )
      .join(', ');
    lines.push(
      `  ${c.type.padEnd(6)} ICCSN ${c.iccsn ?? '?'}  ${c.holder ?? ''}  Zertifikat bis ${expiry ?? '?'}${daysLeft(expiry, now)}  Terminal ${c.ctId} Slot ${c.slotId}${pins ? `  ${pins}` : ''}`,
    );
  }
  if (f.errors.length > 0) {
    lines.push('');
    lines.push(`Fehler (${f.errors.length}):`);
    for (const e of f.errors) {
      lines.push(`  ${e.operation}: ${e.gematikCode ? `[${e.gematikCode}] ` : ''}${e.message}`);
      if (e.hint) {
        lines.push(`    Hinweis: ${e.hint}`);
      }
    }
  }
  return lines;
}

export const konnektorInspectCommand: Command = {
  name: 'konnektor inspect',
  summary: 'Read a TI-Konnektor read-only: product, TLS, services, VPN, terminals, cards, gSMC-K',
  usage:
    '--url URL --mandant M --client-system C --workplace W [--user U] [--basic USER:PASS | --pkcs12 FILE --passphrase-env VAR] [--json]',
  description:
    'Reads connector.sds and calls only read-only operations (never VerifyPin). The TLS certificate is recorded, not verified (its CN is <ICCSN>-<date>). Secrets come from the environment: --passphrase-env names the variable holding the PKCS#12 passphrase (or the Basic password when --basic has no ":").',
  options: {
    url: { type: 'string', arg: 'URL', description: 'Konnektor base URL, e.g. https://192.168.1.10' },
    mandant: { type: 'string', arg: 'M', description: 'Mandant-ID' },
    'client-system': { type: 'string', arg: 'C', description: 'Clientsystem-ID' },
    workplace: { type: 'string', arg: 'W', description: 'Arbeitsplatz-ID' },
    user: { type: 'string', arg: 'U', description: 'User-ID (only needed for HBA sessions)' },
    basic: { type: 'string', arg: 'USER:PASS', description: 'HTTP Basic authentication' },
    pkcs12: { type: 'string', arg: 'FILE', description: 'client certificate (PKCS#12) for mutual TLS' },
    'passphrase-env': {
      type: 'string',
      arg: 'VAR',
      description: 'environment variable with the PKCS#12 passphrase',
    },
    json: {
      type: 'boolean',
      description: 'print the facts as JSON (the konnektor section of the facts document)',
    },
  },
  exitCodes: {
    [ExitCode.OK]: 'Konnektor read without faults',
    [ExitCode.FAILURES]: 'Konnektor answered, with faults (listed)',
    [ExitCode.INPUT]: 'Konnektor or connector.sds not reachable, timeout, TLS/authentication refused',
  },
  async run(ctx) {
    const url = required(ctx, 'url');
    const context = {
      mandantId: required(ctx, 'mandant'),
      clientSystemId: required(ctx, 'client-system'),
      workplaceId: required(ctx, 'workplace'),
      ...(str(ctx, 'user') ? { userId: str(ctx, 'user') } : {}),
    };
    const auth = await authFrom(ctx);
    if (ctx.values.json !== true) {
      ctx.err(`Lese Konnektor ${url} …`);
    }
    const facts = await inspectKonnektor({ url, context, auth });
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(facts, null, 2));
    } else {
      for (const l of formatKonnektorFacts(facts, new Date())) {
        ctx.out(l);
      }
    }
    return facts.errors.length > 0 ? ExitCode.FAILURES : ExitCode.OK;
  },
};
