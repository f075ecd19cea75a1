import type { Card, Sourced } from '@praxisready/model';
import { daysUntil, deDate, ev, evRaw, fail, missing, pass, t, unknown, warn } from '../engine/helpers.ts';
import type { Applicability, Check, CheckContext, Outcome } from '../engine/types.ts';

const REF0 = 'Seed 000, Schritt 4 (TI-Konformität)';
const REF1 = 'Seed 001 §3 (Schlüssel/Identitäten)';
/** Cards must not expire within this many days (exchange takes weeks: order, delivery, PIN letter). */
export const CARD_EXPIRY_WARN_DAYS = 90;
/** gSMC-K: the Konnektor must be replaced or migrated before this; plan half a year ahead. */
export const GSMCK_PLAN_DAYS = 180;

function usesTi(ctx: CheckContext): Applicability {
  return ctx.sheet.ti.connection?.value === 'none'
    ? t('Die Praxis ist nicht an die TI angebunden.', 'The practice is not connected to the TI.')
    : true;
}

function usesOwnKonnektor(ctx: CheckContext): Applicability {
  const c = ctx.sheet.ti.connection?.value;
  if (c === 'none') {
    return t('Die Praxis ist nicht an die TI angebunden.', 'The practice is not connected to the TI.');
  }
  return c === 'ti_gateway' || c === 'hosted_konnektor'
    ? t(
        'Kein Konnektor in der Praxis (TI-Gateway / gehosteter Konnektor).',
        'No Konnektor in the practice (TI-Gateway / hosted).',
      )
    : true;
}

function cards(ctx: CheckContext, type: Card['type']): { card: Card; index: number }[] {
  return (ctx.sheet.ti.cards?.value ?? []).flatMap((card, index) =>
    card.type === type ? [{ card, index }] : [],
  );
}

function expiryOutcome(ctx: CheckContext, card: Card, index: number, label: string): Outcome {
  const subject = card.iccsn ?? card.holder ?? `${label} ${index + 1}`;
  const e = [evRaw(`ti.cards[${index}].certificateExpiry`, card.certificateExpiry)];
  if (card.certificateExpiry === undefined) {
    return {
      ...unknown(
        t(`Ablaufdatum des ${label}-Zertifikats nicht erfasst.`, `${label} certificate expiry not recorded.`),
        e,
      ),
      subject,
    };
  }
  const days = daysUntil(card.certificateExpiry, ctx.now);
  const date = deDate(card.certificateExpiry);
  if (Number.isNaN(days)) {
    return {
      ...unknown(
        t(
          `Ablaufdatum "${card.certificateExpiry}" nicht lesbar.`,
          `Expiry "${card.certificateExpiry}" unreadable.`,
        ),
        e,
      ),
      subject,
    };
  }
  if (days < 0) {
    return {
      ...fail(
        t(
          `${label}-Zertifikat ist am ${date} abgelaufen.`,
          `${label} certificate expired on ${card.certificateExpiry}.`,
        ),
        e,
      ),
      subject,
    };
  }
  if (days < CARD_EXPIRY_WARN_DAYS) {
    return {
      ...fail(
        t(
          `${label}-Zertifikat läuft in ${days} Tagen ab (${date}); Folgekarte rechtzeitig bestellen.`,
          `${label} certificate expires in ${days} days (${card.certificateExpiry}); order the follow-up card now.`,
        ),
        e,
      ),
      subject,
    };
  }
  return {
    ...pass(
      t(
        `${label}-Zertifikat gültig bis ${date}.`,
        `${label} certificate valid until ${card.certificateExpiry}.`,
      ),
      e,
    ),
    subject,
  };
}

const k = (ctx: CheckContext) => ctx.sheet.ti.konnektor;
const c = (ctx: CheckContext) => ctx.sheet.ti.context;

function presence(spec: {
  id: string;
  title: { de: string; en: string };
  what: { de: string; en: string };
  path: string;
  get: (ctx: CheckContext) => Sourced<string | string[]> | undefined;
  remediation: { de: string; en: string };
}): Check {
  return {
    id: spec.id,
    area: 'ti',
    severity: 'high',
    title: spec.title,
    reference: `${REF0}; Seed 000, Stolpersteine (TI-Handshake)`,
    remediation: spec.remediation,
    appliesTo: usesTi,
    run: (ctx) => {
      const v = spec.get(ctx);
      if (v === undefined) {
        return [missing(spec.path, spec.what)];
      }
      const empty = Array.isArray(v.value) ? v.value.length === 0 : v.value.trim() === '';
      const e = [ev(spec.path, v), ev('ti.context.accepted', c(ctx).accepted)];
      if (empty) {
        return [fail(t(`${spec.what.de} ist leer.`, `${spec.what.en} is empty.`), e)];
      }
      if (c(ctx).accepted?.value === false) {
        return [
          fail(
            t(
              `Der Konnektor lehnt den Aufrufkontext ab (${spec.what.de} prüfen).`,
              `The Konnektor rejects the call context (check ${spec.what.en}).`,
            ),
            e,
          ),
        ];
      }
      return [
        pass(
          t(
            `${spec.what.de}: ${Array.isArray(v.value) ? v.value.join(', ') : v.value}.`,
            `${spec.what.en}: ${Array.isArray(v.value) ? v.value.join(', ') : v.value}.`,
          ),
          e,
        ),
      ];
    },
  };
}

export const tiChecks: Check[] = [
  {
    id: 'ti.konnektor.reachable-443',
    area: 'ti',
    severity: 'critical',
    title: t('Konnektor per IP:443 erreichbar', 'Konnektor reachable on IP:443'),
    reference: REF0,
    kbvRefs: ['A5-02'],
    remediation: t(
      'Konnektor-Host/IP prüfen und Port 443 zwischen Arbeitsplatz/Server und Konnektor freigeben.',
      'Check the Konnektor host/IP and open port 443 between workstation/server and Konnektor.',
    ),
    appliesTo: usesTi,
    run: (ctx) => {
      const r = k(ctx).reachable443;
      const e = [ev('ti.konnektor.host', k(ctx).host), ev('ti.konnektor.reachable443', r)];
      if (r === undefined) {
        return [
          missing('ti.konnektor.reachable443', t('Erreichbarkeit Port 443', 'reachability of port 443')),
        ];
      }
      return [
        r.value
          ? pass(
              t(
                `Konnektor ${k(ctx).host?.value ?? ''} antwortet auf Port 443.`,
                'Konnektor answers on port 443.',
              ),
              e,
            )
          : fail(
              t(
                `Konnektor ${k(ctx).host?.value ?? ''} ist auf Port 443 nicht erreichbar.`,
                'Konnektor not reachable on port 443.',
              ),
              e,
            ),
      ];
    },
  },
  {
    id: 'ti.konnektor.tls',
    area: 'ti',
    severity: 'high',
    title: t('TLS-Zertifikat des Konnektors gültig', 'Konnektor TLS certificate valid'),
    reference: REF0,
    kbvRefs: ['A5-07'],
    remediation: t(
      'Konnektor-Zertifikat prüfen und im PVS/in den TI-Einstellungen hinterlegen; abgelaufenes Zertifikat über den DVO erneuern.',
      'Check the Konnektor certificate and configure it in the PVS / TI settings; renew an expired one through the DVO.',
    ),
    appliesTo: usesTi,
    run: (ctx) => {
      const tls = k(ctx).tls;
      if (tls === undefined) {
        return [missing('ti.konnektor.tls', t('TLS-Zertifikat', 'TLS certificate'))];
      }
      const e = [ev('ti.konnektor.tls', tls)];
      const na = tls.value.notAfter;
      if (na !== undefined && daysUntil(na, ctx.now) < 0) {
        return [
          fail(t(`TLS-Zertifikat ist am ${deDate(na)} abgelaufen.`, `TLS certificate expired on ${na}.`), e),
        ];
      }
      if (tls.value.trusted === false) {
        return [
          fail(
            t(
              'TLS-Zertifikat ist nicht vertrauenswürdig (Kette nicht prüfbar).',
              'TLS certificate is not trusted (chain does not verify).',
            ),
            e,
          ),
        ];
      }
      if (na === undefined) {
        return [
          unknown(
            t('Ablaufdatum des TLS-Zertifikats nicht erfasst.', 'TLS certificate expiry not recorded.'),
            e,
          ),
        ];
      }
      if (daysUntil(na, ctx.now) < CARD_EXPIRY_WARN_DAYS) {
        return [warn(t(`TLS-Zertifikat läuft am ${deDate(na)} ab.`, `TLS certificate expires on ${na}.`), e)];
      }
      return [pass(t(`TLS-Zertifikat gültig bis ${deDate(na)}.`, `TLS certificate valid until ${na}.`), e)];
    },
  },
  {
    id: 'ti.konnektor.sds',
    area: 'ti',
    severity: 'high',
    title: t('connector.sds lesbar', 'connector.sds readable'),
    reference: REF0,
    remediation: t(
      'Dienstverzeichnisdienst (connector.sds) des Konnektors abrufbar machen (Konnektor-Adresse, Port 443, ggf. TLS-Pflicht/Client-Authentisierung prüfen).',
      'Make the Konnektor service directory (connector.sds) retrievable (address, port 443, TLS / client authentication settings).',
    ),
    appliesTo: usesTi,
    run: (ctx) => {
      const s = k(ctx).sdsReadable;
      if (s === undefined) {
        return [missing('ti.konnektor.sdsReadable', t('connector.sds', 'connector.sds'))];
      }
      const e = [ev('ti.konnektor.sdsReadable', s), ev('ti.konnektor.product', k(ctx).product)];
      return [
        s.value
          ? pass(t('connector.sds gelesen.', 'connector.sds read.'), e)
          : fail(t('connector.sds konnte nicht gelesen werden.', 'connector.sds could not be read.'), e),
      ];
    },
  },
  presence({
    id: 'ti.context.mandant',
    title: t('Aufrufkontext: Mandant-ID hinterlegt', 'Call context: Mandant-ID configured'),
    what: t('Mandant-ID', 'Mandant-ID'),
    path: 'ti.context.mandantId',
    get: (ctx) => c(ctx).mandantId,
    remediation: t(
      'Mandant-ID aus dem Infomodell des Konnektors in den TI-Einstellungen des PVS/Doctolib eintragen.',
      'Enter the Mandant-ID from the Konnektor info model in the TI settings of the PVS / Doctolib.',
    ),
  }),
  presence({
    id: 'ti.context.client-system',
    title: t('Aufrufkontext: Client-System-ID hinterlegt', 'Call context: Client-System-ID configured'),
    what: t('Client-System-ID', 'Client-System-ID'),
    path: 'ti.context.clientSystemId',
    get: (ctx) => c(ctx).clientSystemId,
    remediation: t(
      'Client-System-ID aus dem Infomodell des Konnektors in den TI-Einstellungen eintragen.',
      'Enter the Client-System-ID from the Konnektor info model in the TI settings.',
    ),
  }),
  presence({
    id: 'ti.context.workplaces',
    title: t('Aufrufkontext: Arbeitsplatz-IDs hinterlegt', 'Call context: Arbeitsplatz-IDs configured'),
    what: t('Arbeitsplatz-IDs', 'Arbeitsplatz-IDs'),
    path: 'ti.context.workplaceIds',
    get: (ctx) => c(ctx).workplaceIds,
    remediation: t(
      'Arbeitsplätze im Infomodell des Konnektors anlegen und im PVS je Arbeitsplatz die Arbeitsplatz-ID eintragen.',
      'Create the workplaces in the Konnektor info model and set the Arbeitsplatz-ID per workplace in the PVS.',
    ),
  }),
  {
    id: 'ti.terminals.connected',
    area: 'ti',
    severity: 'high',
    title: t('Kartenterminals mit dem Konnektor verbunden', 'Card terminals connected to the Konnektor'),
    reference: REF0,
    remediation: t(
      'Kartenterminal prüfen: Strom und Netzwerk, IP-Adresse wie im Konnektor hinterlegt, SICCT-Port 4742 erreichbar, Pairing im Konnektor erneuern.',
      'Check the card terminal: power and network, IP address as stored in the Konnektor, SICCT port 4742 reachable, renew the pairing in the Konnektor.',
    ),
    appliesTo: (ctx) => {
      const base = usesTi(ctx);
      if (base !== true) {
        return base;
      }
      return (ctx.sheet.ti.terminals?.value.length ?? 0) > 0
        ? true
        : t('Keine Kartenterminals erfasst.', 'No card terminals recorded.');
    },
    run: (ctx) => {
      const terminals = ctx.sheet.ti.terminals;
      return (terminals?.value ?? []).map((kt) => {
        const subject = kt.name ?? kt.id;
        const e = [{ ...ev('ti.terminals', terminals), value: { id: kt.id, connected: kt.connected } }];
        if (kt.connected === undefined) {
          return unknown(t('Verbindungsstatus unbekannt.', 'Connection state unknown.'), e, subject);
        }
        return kt.connected
          ? pass(t('Verbunden.', 'Connected.'), e, subject)
          : fail(
              t(
                `Kartenterminal ${kt.id}${kt.ip ? ` (${kt.ip})` : ''} ist laut Konnektor nicht verbunden.`,
                `Card terminal ${kt.id}${kt.ip ? ` (${kt.ip})` : ''} is not connected according to the Konnektor.`,
              ),
              e,
              subject,
            );
      });
    },
  },
  {
    id: 'ti.terminals.per-workplace',
    area: 'ti',
    severity: 'high',
    title: t('Kartenterminal je Arbeitsplatz', 'Card terminal per workplace'),
    reference: REF0,
    offerItem: { itemId: 'ti.card-terminal', quantity: 1 },
    remediation: t(
      'Für den Arbeitsplatz ein von der gematik zugelassenes Kartenterminal beschaffen, im Konnektor pairen und dem Arbeitsplatz zuordnen.',
      'Provide a gematik-approved card terminal for the workplace, pair it with the Konnektor and assign it to the workplace.',
    ),
    appliesTo: (ctx) => {
      const base = usesTi(ctx);
      if (base !== true) {
        return base;
      }
      return ctx.sheet.workplaces.some((w) => w.needsCardTerminal?.value !== false)
        ? true
        : t('Kein Arbeitsplatz benötigt ein Kartenterminal.', 'No workplace needs a card terminal.');
    },
    run: (ctx) => {
      const terminals = ctx.sheet.ti.terminals;
      const out: Outcome[] = [];
      ctx.sheet.workplaces.forEach((w, i) => {
        const needs = w.needsCardTerminal;
        if (needs?.value === false) {
          return;
        }
        const subject = w.name.value || w.id;
        if (needs === undefined) {
          out.push(
            unknown(
              t(
                'Nicht erfasst, ob der Arbeitsplatz ein Kartenterminal braucht.',
                'Not recorded whether the workplace needs a card terminal.',
              ),
              [evRaw(`workplaces[${i}].needsCardTerminal`, null)],
              subject,
            ),
          );
          return;
        }
        if (terminals === undefined) {
          out.push(
            unknown(
              t('Kartenterminals nicht erfasst.', 'Card terminals not recorded.'),
              [evRaw('ti.terminals', null)],
              subject,
            ),
          );
          return;
        }
        const ids = new Set([w.id, w.tiWorkplaceId?.value].filter((x): x is string => x !== undefined));
        const found = terminals.value.filter((term) => term.workplaceIds.some((id) => ids.has(id)));
        const e = [
          ev(`workplaces[${i}].needsCardTerminal`, needs),
          evRaw(
            'ti.terminals',
            found.map((x) => x.id),
          ),
        ];
        out.push(
          found.length > 0
            ? pass(
                t(
                  `Kartenterminal ${found.map((x) => x.name ?? x.id).join(', ')}.`,
                  `Card terminal ${found.map((x) => x.name ?? x.id).join(', ')}.`,
                ),
                e,
                subject,
              )
            : fail(
                t(
                  `Kein Kartenterminal für den Arbeitsplatz "${subject}".`,
                  `No card terminal for workplace "${subject}".`,
                ),
                e,
                subject,
              ),
        );
      });
      return out;
    },
  },
  {
    id: 'ti.smcb.present',
    area: 'ti',
    severity: 'critical',
    title: t('SMC-B vorhanden', 'SMC-B present'),
    reference: `${REF0}; ${REF1}`,
    remediation: t(
      'SMC-B (Praxisausweis) stecken und freischalten, ggf. beim Kartenherausgeber beantragen.',
      'Insert and unlock the SMC-B (institution card); apply for one if needed.',
    ),
    appliesTo: usesTi,
    run: (ctx) => {
      const all = ctx.sheet.ti.cards;
      if (all === undefined) {
        return [missing('ti.cards', t('Karten', 'cards'))];
      }
      const smcb = cards(ctx, 'SMC-B');
      const e = [
        evRaw(
          'ti.cards[type=SMC-B]',
          smcb.map((x) => x.card.iccsn ?? x.card.holder ?? 'SMC-B'),
        ),
      ];
      return [
        smcb.length > 0
          ? pass(t(`${smcb.length} SMC-B gefunden.`, `${smcb.length} SMC-B found.`), e)
          : fail(t('Keine SMC-B gesteckt.', 'No SMC-B inserted.'), e),
      ];
    },
  },
  {
    id: 'ti.smcb.expiry',
    area: 'ti',
    severity: 'critical',
    title: t(
      'SMC-B-Zertifikat nicht innerhalb von 90 Tagen ablaufend',
      'SMC-B certificate not expiring within 90 days',
    ),
    reference: `${REF0}; ${REF1}`,
    offerItem: { itemId: 'ti.card-renewal', quantity: 1 },
    remediation: t(
      'Folge-SMC-B beim Kartenherausgeber bestellen und vor Ablauf freischalten.',
      'Order the follow-up SMC-B and activate it before expiry.',
    ),
    appliesTo: (ctx) => {
      const base = usesTi(ctx);
      return base !== true
        ? base
        : cards(ctx, 'SMC-B').length > 0
          ? true
          : t('Keine SMC-B erfasst.', 'No SMC-B recorded.');
    },
    run: (ctx) => cards(ctx, 'SMC-B').map(({ card, index }) => expiryOutcome(ctx, card, index, 'SMC-B')),
  },
  {
    id: 'ti.cards.pin',
    area: 'ti',
    severity: 'high',
    title: t('PIN-Status von SMC-B und HBA', 'PIN status of SMC-B and HBA'),
    reference: REF1,
    remediation: t(
      'Transport-PIN ändern bzw. gesperrte PIN mit der PUK entsperren; SMC-B am Konnektor freischalten.',
      'Change the transport PIN or unblock with the PUK; verify the SMC-B at the Konnektor.',
    ),
    appliesTo: (ctx) => {
      const base = usesTi(ctx);
      return base !== true
        ? base
        : [...cards(ctx, 'SMC-B'), ...cards(ctx, 'HBA')].length > 0
          ? true
          : t('Keine SMC-B/HBA erfasst.', 'No SMC-B/HBA recorded.');
    },
    run: (ctx) =>
      [...cards(ctx, 'SMC-B'), ...cards(ctx, 'HBA')].map(({ card, index }) => {
        const subject = `${card.type} ${card.iccsn ?? card.holder ?? index + 1}`;
        const e = [evRaw(`ti.cards[${index}].pinStatus`, card.pinStatus)];
        const s = card.pinStatus;
        if (s === undefined) {
          return unknown(t('PIN-Status nicht erfasst.', 'PIN status not recorded.'), e, subject);
        }
        if (s === 'BLOCKED' || s === 'TRANSPORT_PIN' || s === 'EMPTY_PIN') {
          return fail(t(`PIN-Status ${s}.`, `PIN status ${s}.`), e, subject);
        }
        if (card.type === 'SMC-B' && s !== 'VERIFIED') {
          return warn(t(`SMC-B-PIN nicht verifiziert (${s}).`, `SMC-B PIN not verified (${s}).`), e, subject);
        }
        return pass(t(`PIN-Status ${s}.`, `PIN status ${s}.`), e, subject);
      }),
  },
  {
    id: 'ti.hba.per-doctor',
    area: 'ti',
    severity: 'high',
    title: t('HBA für jeden Arzt / jede Ärztin', 'HBA for every doctor'),
    reference: `${REF1}; Seed 001 §2 (eRezept: QES mit HBA)`,
    offerItem: { itemId: 'ti.hba', quantity: 1 },
    remediation: t(
      'Heilberufsausweis (HBA) bei der Ärztekammer beantragen; ohne HBA keine QES für eRezept/eAU.',
      'Apply for a HBA at the medical chamber; without it no QES for eRezept/eAU.',
    ),
    appliesTo: usesTi,
    run: (ctx) => {
      const doctors = ctx.sheet.practice.contacts.filter((x) => x.role === 'doctor');
      const hbas = cards(ctx, 'HBA');
      if (ctx.sheet.ti.cards === undefined) {
        return [missing('ti.cards', t('Karten', 'cards'))];
      }
      if (doctors.length > 0) {
        return doctors.map((d) => {
          const own = hbas.filter((h) => h.card.doctorId === d.id);
          const e = [
            evRaw(
              'ti.cards[type=HBA].doctorId',
              hbas.map((h) => h.card.doctorId ?? null),
            ),
          ];
          return own.length > 0
            ? pass(t('HBA vorhanden.', 'HBA present.'), e, d.name)
            : fail(t(`Kein HBA für ${d.name}.`, `No HBA for ${d.name}.`), e, d.name);
        });
      }
      const n = ctx.sheet.profile.doctors;
      if (n === undefined) {
        return [missing('profile.doctors', t('Anzahl Ärztinnen/Ärzte', 'number of doctors'))];
      }
      const e = [ev('profile.doctors', n), evRaw('ti.cards[type=HBA]', hbas.length)];
      return [
        hbas.length >= n.value
          ? pass(
              t(`${hbas.length} HBA für ${n.value} Ärzte.`, `${hbas.length} HBA for ${n.value} doctors.`),
              e,
            )
          : fail(
              t(
                `Nur ${hbas.length} HBA für ${n.value} Ärzte.`,
                `Only ${hbas.length} HBA for ${n.value} doctors.`,
              ),
              e,
            ),
      ];
    },
  },
  {
    id: 'ti.hba.expiry',
    area: 'ti',
    severity: 'high',
    title: t(
      'HBA-Zertifikat nicht innerhalb von 90 Tagen ablaufend',
      'HBA certificate not expiring within 90 days',
    ),
    reference: REF1,
    remediation: t(
      'Folge-HBA rechtzeitig bei der Ärztekammer beantragen.',
      'Apply for the follow-up HBA in time.',
    ),
    appliesTo: (ctx) => (cards(ctx, 'HBA').length > 0 ? true : t('Kein HBA erfasst.', 'No HBA recorded.')),
    run: (ctx) => cards(ctx, 'HBA').map(({ card, index }) => expiryOutcome(ctx, card, index, 'HBA')),
  },
  {
    id: 'ti.gsmck.expiry',
    area: 'ti',
    severity: 'critical',
    title: t(
      'Konnektor-Zertifikat (gSMC-K): Tausch oder TI-Gateway-Migration rechtzeitig',
      'Konnektor certificate (gSMC-K): replacement or TI-Gateway migration in time',
    ),
    reference: 'Seed 002 (TI-Gateway-Migration, Schritt 7: Ablaufdatum des Konnektors)',
    kbvRefs: ['A5-08'],
    offerItem: { itemId: 'ti.gateway-migration', quantity: 1 },
    remediation: t(
      'Konnektortausch oder Migration auf das TI-Gateway vor dem Ablaufdatum terminieren (seed 002: „Bis zu diesem Zeitpunkt muss der Konnektor getauscht sein.“).',
      'Schedule the Konnektor replacement or the TI-Gateway migration before the expiry date.',
    ),
    appliesTo: usesOwnKonnektor,
    run: (ctx) => {
      const x = k(ctx).gsmcKExpiry;
      if (x === undefined) {
        return [missing('ti.konnektor.gsmcKExpiry', t('Ablaufdatum gSMC-K', 'gSMC-K expiry'))];
      }
      const e = [ev('ti.konnektor.gsmcKExpiry', x)];
      const days = daysUntil(x.value, ctx.now);
      if (days < 0) {
        return [
          fail(
            t(
              `Das Konnektor-Zertifikat ist am ${deDate(x.value)} abgelaufen: keine TI-Verbindung mehr möglich.`,
              `The Konnektor certificate expired on ${x.value}.`,
            ),
            e,
          ),
        ];
      }
      if (days < GSMCK_PLAN_DAYS) {
        return [
          warn(
            t(
              `Das Konnektor-Zertifikat läuft am ${deDate(x.value)} ab (${days} Tage): Tausch oder TI-Gateway-Migration jetzt planen.`,
              `The Konnektor certificate expires on ${x.value} (${days} days): plan the replacement or TI-Gateway migration now.`,
            ),
            e,
          ),
        ];
      }
      return [
        pass(
          t(
            `Konnektor-Zertifikat gültig bis ${deDate(x.value)}.`,
            `Konnektor certificate valid until ${x.value}.`,
          ),
          e,
        ),
      ];
    },
  },
  {
    id: 'ti.konnektor.operating-state',
    area: 'ti',
    severity: 'medium',
    title: t('Konnektor meldet keine Fehlerzustände', 'Konnektor reports no error states'),
    reference: 'Seed 001 §5 (Konnektor: Logs überwachen)',
    remediation: t(
      'Betriebszustände in der Konnektor-Weboberfläche prüfen und Ursache beheben (ggf. DVO).',
      'Check the operating states in the Konnektor web UI and fix the cause (DVO if needed).',
    ),
    appliesTo: usesOwnKonnektor,
    run: (ctx) => {
      const s = k(ctx).operatingStates;
      if (s === undefined) {
        return [missing('ti.konnektor.operatingStates', t('Betriebszustände', 'operating states'))];
      }
      const bad = s.value.filter((x) => /error|fatal/i.test(x.severity ?? ''));
      const e = [ev('ti.konnektor.operatingStates', s)];
      return [
        bad.length === 0
          ? pass(t('Keine Fehlerzustände.', 'No error states.'), e)
          : fail(
              t(
                `Fehlerzustände: ${bad.map((x) => x.type).join(', ')}.`,
                `Error states: ${bad.map((x) => x.type).join(', ')}.`,
              ),
              e,
            ),
      ];
    },
  },
];
