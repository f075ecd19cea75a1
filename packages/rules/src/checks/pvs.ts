import { ev, manual, pass, t, unknown } from '../engine/helpers.ts';
import type { Check } from '../engine/types.ts';

export const pvsChecks: Check[] = [
  {
    id: 'pvs.inventory',
    area: 'pvs',
    severity: 'medium',
    title: t(
      'PVS-Servername und Pfad der DB-Verbindung dokumentiert',
      'PVS server name and DB connection path documented',
    ),
    reference: 'Seed 000, Schritt 4 (Inventarisierung PVS/DB-Server)',
    remediation: t(
      'PVS-Produkt, Servername und Pfad der DB-Verbindung im Audit-Sheet dokumentieren.',
      'Document PVS product, server name and DB connection path in the audit sheet.',
    ),
    run: (ctx) => {
      const p = ctx.sheet.pvs;
      const e = [
        ev('pvs.product', p.product),
        ev('pvs.serverName', p.serverName),
        ev('pvs.dbConnection', p.dbConnection),
      ];
      const gaps = [
        ...(p.product ? [] : ['PVS-Produkt']),
        ...(p.serverName ? [] : ['Servername']),
        ...(p.dbConnection ? [] : ['DB-Verbindung']),
      ];
      if (gaps.length === 3) {
        return [unknown(t('PVS/DB-Server nicht inventarisiert.', 'PVS/DB server not inventoried.'), e)];
      }
      return [
        gaps.length === 0
          ? pass(
              t(
                `${p.product?.value ?? ''} auf ${p.serverName?.value ?? ''}.`,
                `${p.product?.value ?? ''} on ${p.serverName?.value ?? ''}.`,
              ),
              e,
            )
          : // Inventory is the technician's documentation task, not a defect of the practice.
            manual(
              t(`Noch zu dokumentieren: ${gaps.join(', ')}.`, `Still to document: ${gaps.join(', ')}.`),
              e,
            ),
      ];
    },
  },
];
