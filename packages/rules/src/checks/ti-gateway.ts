import type { AuditSheet, Sourced } from '@praxisready/model';
import {
  TI_GATEWAY_CHECKLIST,
  TI_GATEWAY_REFERENCE as REF,
  type TiGatewayItem,
} from '../catalogs/ti-gateway.ts';
import { daysUntil, deDate, ev, fail, missing, notApplicable, pass, t } from '../engine/helpers.ts';
import type { Applicability, Check, CheckContext } from '../engine/types.ts';
import { GSMCK_PLAN_DAYS } from './ti.ts';

type Migration = AuditSheet['ti']['tiGatewayMigration'];

/** A migration is due when the sheet says so, or when the Konnektor's gSMC-K expires within the planning window. */
export function migrationApplies(ctx: CheckContext): Applicability {
  const m = ctx.sheet.ti.tiGatewayMigration;
  if (m.required?.value === true) {
    return true;
  }
  if (m.required?.value === false) {
    return t('Keine TI-Gateway-Migration vorgesehen.', 'No TI-Gateway migration planned.');
  }
  const conn = ctx.sheet.ti.connection?.value;
  if (conn === 'none' || conn === 'ti_gateway') {
    return t('Keine TI-Gateway-Migration vorgesehen.', 'No TI-Gateway migration planned.');
  }
  const x = ctx.sheet.ti.konnektor.gsmcKExpiry?.value;
  if (x !== undefined && daysUntil(x, ctx.now) < GSMCK_PLAN_DAYS) {
    return true;
  }
  return t(
    'Keine TI-Gateway-Migration vorgesehen (nicht als erforderlich erfasst, Konnektor-Zertifikat nicht bald ablaufend).',
    'No TI-Gateway migration planned (not recorded as required, Konnektor certificate not expiring soon).',
  );
}

function field(m: Migration, path: string): Sourced<unknown> | undefined {
  let cur: unknown = m;
  for (const part of path.split('.')) {
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  }
  return cur as Sourced<unknown> | undefined;
}

/** The swap appointment lies in the past: after-phase items are due. */
function swapDone(ctx: CheckContext): boolean {
  const a = ctx.sheet.ti.tiGatewayMigration.appointment?.value;
  return a !== undefined && daysUntil(a, ctx.now) < 0;
}

function itemCheck(item: TiGatewayItem): Check {
  return {
    id: `tig.${item.id}`,
    area: 'ti_gateway',
    severity: item.severity,
    title: item.title,
    reference: `${REF}, ${item.step === 'FAQ' || item.step.startsWith('Hinweise') ? item.step : `Schritt ${item.step}`}`,
    remediation: item.remediation,
    appliesTo: migrationApplies,
    run: (ctx) => {
      if (item.phase === 'after' && !swapDone(ctx)) {
        return [
          notApplicable(t('Erst nach dem Konnektortausch fällig.', 'Due only after the Konnektor swap.')),
        ];
      }
      const path = `ti.tiGatewayMigration.${item.field}`;
      const v = field(ctx.sheet.ti.tiGatewayMigration, item.field);
      if (v === undefined) {
        return [missing(path, item.title)];
      }
      const e = [ev(path, v)];
      // Booleans: true = done. Strings (contact person): non-empty. Tri-state (DHCP known): yes/no both mean "known".
      const ok =
        typeof v.value === 'boolean'
          ? v.value
          : typeof v.value === 'string'
            ? v.value.trim() !== '' && v.value !== 'unknown'
            : false;
      return [
        ok
          ? pass(t(`Erledigt (${String(v.value)}).`, `Done (${String(v.value)}).`), e)
          : fail(t(`Offen: ${item.title.de}.`, `Open: ${item.title.en}.`), e),
      ];
    },
  };
}

export const tiGatewayChecks: Check[] = [
  ...TI_GATEWAY_CHECKLIST.map(itemCheck),
  {
    id: 'tig.appointment-before-expiry',
    area: 'ti_gateway',
    severity: 'critical',
    title: t(
      'Migrationstermin vor dem Ablaufdatum des Konnektors',
      'Migration appointment before the Konnektor expiry',
    ),
    reference: `${REF}, Schritt 7`,
    remediation: t(
      'Termin vereinbaren: Wann der Konnektor abläuft, steht in der Mail. Bis zu diesem Zeitpunkt muss der Konnektor getauscht sein.',
      'Book an appointment: the Konnektor must be swapped before its expiry date.',
    ),
    appliesTo: migrationApplies,
    run: (ctx) => {
      const a = ctx.sheet.ti.tiGatewayMigration.appointment;
      const x = ctx.sheet.ti.konnektor.gsmcKExpiry;
      if (a === undefined) {
        return [
          fail(t('Noch kein Migrationstermin vereinbart.', 'No migration appointment booked yet.'), [
            ev('ti.tiGatewayMigration.appointment', a),
          ]),
        ];
      }
      const e = [ev('ti.tiGatewayMigration.appointment', a), ev('ti.konnektor.gsmcKExpiry', x)];
      if (x === undefined) {
        return [
          missing('ti.konnektor.gsmcKExpiry', t('Ablaufdatum des Konnektors', 'Konnektor expiry date')),
        ];
      }
      return [
        a.value < x.value
          ? pass(
              t(
                `Termin ${deDate(a.value)} liegt vor dem Ablauf ${deDate(x.value)}.`,
                `Appointment ${a.value} is before expiry ${x.value}.`,
              ),
              e,
            )
          : fail(
              t(
                `Termin ${deDate(a.value)} liegt nicht vor dem Ablauf ${deDate(x.value)}.`,
                `Appointment ${a.value} is not before expiry ${x.value}.`,
              ),
              e,
            ),
      ];
    },
  },
];
