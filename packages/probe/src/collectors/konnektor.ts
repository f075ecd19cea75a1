import { inspectKonnektor } from '@praxisready/konnektor';
import type { FactsDocument, KonnektorFacts } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { assertAllowed, mapLimit } from '../net/tcp.ts';

/** SICCT port of stationary card terminals (gematik, TCP 4742). */
export const SICCT_PORT = 4742;

export const konnektorCollector = defineCollector({
  id: 'ti.konnektor',
  title: 'Konnektor: TLS, connector.sds, Karten, Terminals',
  fills: [
    'ti.connection',
    'ti.konnektor.host',
    'ti.konnektor.port',
    'ti.konnektor.reachable443',
    'ti.konnektor.tls',
    'ti.konnektor.sdsReadable',
    'ti.konnektor.product',
    'ti.konnektor.gsmcKExpiry',
    'ti.konnektor.vpnTiOnline',
    'ti.konnektor.operatingStates',
    'ti.konnektor.faults',
    'ti.konnektor.services',
    'ti.context.mandantId',
    'ti.context.clientSystemId',
    'ti.context.workplaceIds',
    'ti.context.accepted',
    'ti.terminals',
    'ti.cards',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 25_000,
  why: 'TI conformity: certificate expiry, SMC-B/HBA PIN status, terminals per workplace, firmware and VPN state.',
  async collect(ctx) {
    const k = ctx.options.konnektor;
    if (!k) {
      return { status: 'skipped', message: 'kein --konnektor angegeben' };
    }
    const host = new URL(k.url).hostname.replace(/^\[|\]$/g, '');
    const address = ctx.options.hosts?.[host] ?? host;
    assertAllowed(ctx.policy, address);
    const url = address === host ? k.url : k.url.replace(host, address);
    const facts: KonnektorFacts = await inspectKonnektor({
      url,
      context: {
        mandantId: k.mandantId ?? '',
        clientSystemId: k.clientSystemId ?? '',
        workplaceId: k.workplaceId ?? '',
        ...(k.userId ? { userId: k.userId } : {}),
      },
      auth: k.auth ?? { type: 'none' },
      trust: k.caCertPem ? { mode: 'ca', caPem: k.caCertPem } : { mode: 'accept-and-record' },
      timeoutMs: k.timeoutMs ?? 10_000,
    });
    const product = [facts.product.vendorName, facts.product.productName, facts.product.fwVersion]
      .filter(Boolean)
      .join(' ');
    const expiring = facts.cards.filter((c) => c.certificateExpiration).length;
    const status = facts.errors.length === 0 ? 'ok' : facts.sds ? 'partial' : 'failed';
    return {
      status,
      message: `${product || 'Konnektor'}: ${facts.terminals.length} Terminals, ${facts.cards.length} Karten (${expiring} mit Ablaufdatum)${facts.errors.length > 0 ? `; Fehler: ${facts.errors.map((e) => `${e.operation} ${e.gematikCode ?? e.code}`).join(', ')}` : ''}`,
      facts: { konnektor: facts },
    };
  },
});

type CardTerminalFacts = NonNullable<FactsDocument['cardTerminals']>;

export const cardTerminalsCollector = defineCollector({
  id: 'ti.card-terminals',
  title: 'Kartenterminals (SICCT-Port 4742)',
  fills: ['ti.terminals'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 30_000,
  why: 'A terminal the Konnektor lists but that does not answer on 4742 cannot read cards at that workplace.',
  async collect(ctx) {
    const fromKonnektor = await ctx.resultOf('ti.konnektor');
    const terminals = fromKonnektor?.facts?.konnektor?.terminals ?? [];
    const targets = new Map<string, string | undefined>();
    for (const t of terminals) {
      if (t.ipAddress) {
        targets.set(t.ipAddress, t.ctId);
      }
    }
    for (const host of ctx.options.cardTerminals ?? []) {
      if (!targets.has(host)) {
        targets.set(host, undefined);
      }
    }
    if (targets.size === 0) {
      return { status: 'skipped', message: 'keine Kartenterminals bekannt (Konnektor oder --card-terminal)' };
    }
    const cardTerminals: CardTerminalFacts = await mapLimit([...targets], 16, async ([host, id]) => ({
      host,
      port: SICCT_PORT,
      reachable: (await ctx.tcp(host, SICCT_PORT, 1500).catch(() => 'filtered')) === 'open',
      ...(id ? { id } : {}),
    }));
    const down = cardTerminals.filter((t) => !t.reachable);
    return {
      status: 'ok',
      message: `${cardTerminals.length - down.length}/${cardTerminals.length} erreichbar${down.length > 0 ? `; nicht erreichbar: ${down.map((t) => t.id ?? t.host).join(', ')}` : ''}`,
      facts: { cardTerminals },
    };
  },
});
