import type { PortCheck } from '@praxisready/model';
import { PORT_LIST, type PortListProduct, type PortListRow, type PortSpec } from '../catalogs/ports.ts';
import { ev, evRaw, fail, missing, pass, t, unknown } from '../engine/helpers.ts';
import type { Check, Outcome } from '../engine/types.ts';

const REF = 'Seed 004, Portliste - benötigte Ports für die Firewall (Version 3.4, 04.08.2023)';

/** Sheet PVS product → column of the port list. x.vianova is the x.isynet family (seed 004 "x.isynet/x.vianova"). */
const PRODUCT_COLUMN: Record<string, PortListProduct> = {
  'x.concept': 'x.concept',
  'x.comfort': 'x.comfort',
  'x.isynet': 'x.isynet',
  'x.vianova': 'x.isynet',
  medatixx: 'medatixx',
};

/** Host roles whose ports the INTRANET rows of the list describe (the PVS/data server). */
const SERVER_ROLES = new Set(['pvs_server', 'server', 'sql_server', 'service_provider']);

function portMatches(spec: PortSpec, port: number): boolean {
  return typeof spec === 'number' ? spec === port : port >= spec[0] && port <= spec[1];
}

/** The rows of the list a measured port check is evidence for, for one product. */
export function rowsForPortCheck(
  check: PortCheck,
  product: PortListProduct,
  rows: readonly PortListRow[] = PORT_LIST,
): PortListRow[] {
  return rows.filter((r) => {
    if (!r.products.includes(product) || r.protocol === null) {
      return false;
    }
    if (r.protocol.toLowerCase() !== check.protocol || !r.ports.some((p) => portMatches(p, check.port))) {
      return false;
    }
    if (r.external) {
      // External rows name their destinations; the measured host must be one of them.
      return r.destination.toLowerCase().includes(check.host.toLowerCase());
    }
    return check.role === undefined || SERVER_ROLES.has(check.role);
  });
}

export const portChecks: Check[] = [
  {
    id: 'ports.pvs-reachability',
    area: 'network',
    severity: 'high',
    title: t('Ports der Portliste für das PVS erreichbar', 'Ports of the port list reachable for the PVS'),
    reference: REF,
    remediation: t(
      'Die in der Portliste für die Praxissoftware genannten Ports in der Firewall des Servers und der Praxis freigeben (Protokoll, Richtung und Ziel laut Portliste).',
      'Open the ports the port list names for the practice software in the server and practice firewall (protocol, direction and destination as listed).',
    ),
    appliesTo: (ctx) => {
      const p = ctx.sheet.pvs.product?.value;
      if (p === undefined) {
        return true;
      }
      return PRODUCT_COLUMN[p] !== undefined
        ? true
        : t(
            `Die Portliste gilt für medatixx-Produkte, nicht für ${p}.`,
            `The port list covers medatixx products, not ${p}.`,
          );
    },
    run: (ctx) => {
      const p = ctx.sheet.pvs.product;
      if (p === undefined) {
        return [missing('pvs.product', t('PVS-Produkt', 'PVS product'))];
      }
      const column = PRODUCT_COLUMN[p.value];
      const measured = ctx.sheet.network.portChecks;
      if (column === undefined) {
        return [];
      }
      if (measured === undefined) {
        return [missing('network.portChecks', t('Port-Messungen', 'port measurements'))];
      }
      const out: Outcome[] = [];
      measured.value.forEach((c, i) => {
        const rows = rowsForPortCheck(c, column);
        if (rows.length === 0) {
          return;
        }
        const apps = [...new Set(rows.map((r) => r.application))].join(', ');
        const subject = `${c.host}:${c.port}/${c.protocol}`;
        const e = [ev(`network.portChecks[${i}]`, { ...measured, value: c }), evRaw('portList', apps)];
        if (c.state === 'open') {
          out.push(
            pass(
              t(
                `${apps}: Port ${c.port}/${c.protocol.toUpperCase()} erreichbar.`,
                `${apps}: port ${c.port}/${c.protocol.toUpperCase()} reachable.`,
              ),
              e,
              subject,
            ),
          );
        } else if (c.state === 'unknown') {
          out.push(
            unknown(
              t(
                `${apps}: Port ${c.port}/${c.protocol.toUpperCase()} nicht messbar.`,
                `${apps}: port ${c.port}/${c.protocol.toUpperCase()} not measurable.`,
              ),
              e,
              subject,
            ),
          );
        } else {
          const dir = rows[0]?.direction;
          const hint = dir
            ? ` (Richtung: ${dir.in ? 'eingehend' : ''}${dir.in && dir.out ? '/' : ''}${dir.out ? 'ausgehend' : ''})`
            : '';
          out.push(
            fail(
              t(
                `${apps}: Port ${c.port}/${c.protocol.toUpperCase()} auf ${c.host} ist ${c.state === 'closed' ? 'geschlossen' : 'gefiltert'}${hint}.`,
                `${apps}: port ${c.port}/${c.protocol.toUpperCase()} on ${c.host} is ${c.state}.`,
              ),
              e,
              subject,
            ),
          );
        }
      });
      if (out.length === 0) {
        return [
          unknown(
            t(
              `Keine Messung betrifft einen Port der Portliste für ${p.value}.`,
              `No measurement concerns a port of the port list for ${p.value}.`,
            ),
            [ev('network.portChecks', measured)],
          ),
        ];
      }
      return out;
    },
  },
];
