import type { Sourced } from '@praxisready/model';
import { ev, fail, missing, pass, t, unknown, warn } from '../engine/helpers.ts';
import type { Check, CheckContext } from '../engine/types.ts';

const REF = 'Seed 000, Schritt 4 (Netzwerk/ISA/Firewall/VPN/Internet)';

/** A yes/no documentation check on one boolean field of the network section. */
function documented(
  id: string,
  title: { de: string; en: string },
  path: string,
  get: (ctx: CheckContext) => Sourced<boolean> | undefined,
  remediation: { de: string; en: string },
  kbvRefs: string[] = [],
): Check {
  return {
    id,
    area: 'network',
    severity: 'medium',
    title,
    reference: REF,
    kbvRefs,
    remediation,
    run: (ctx) => {
      const v = get(ctx);
      if (v === undefined) {
        return [missing(path, title)];
      }
      const e = [ev(path, v)];
      return [
        v.value
          ? pass(t('Dokumentiert.', 'Documented.'), e)
          : fail(t('Nicht dokumentiert.', 'Not documented.'), e),
      ];
    },
  };
}

export const networkChecks: Check[] = [
  {
    id: 'net.guest-separation',
    area: 'network',
    severity: 'high',
    title: t('Gast-/Med-Netz getrennt', 'Guest and medical network separated'),
    reference: REF,
    kbvRefs: ['A1-11'],
    offerItem: { itemId: 'net.segmentation', quantity: 1 },
    remediation: t(
      'Gäste-WLAN und Praxisnetz trennen (eigenes VLAN/SSID, keine Route ins Praxisnetz).',
      'Separate guest Wi-Fi and practice network (own VLAN/SSID, no route into the practice network).',
    ),
    run: (ctx) => {
      const g = ctx.sheet.network.guestSeparated;
      const subnets = ctx.sheet.network.subnets;
      if (g === undefined || g.value === 'unknown') {
        const purposes = new Set((subnets?.value ?? []).map((s) => s.purpose));
        if (purposes.has('guest') && purposes.has('medical')) {
          return [
            pass(t('Eigene Subnetze für Gäste und Praxis.', 'Separate subnets for guests and practice.'), [
              ev('network.subnets', subnets),
            ]),
          ];
        }
        return [
          unknown(
            t(
              'Nicht erfasst, ob Gast- und Praxisnetz getrennt sind.',
              'Not recorded whether guest and practice networks are separated.',
            ),
            [ev('network.guestSeparated', g)],
          ),
        ];
      }
      const e = [ev('network.guestSeparated', g)];
      return [
        g.value === 'yes'
          ? pass(t('Gastnetz ist getrennt.', 'Guest network is separated.'), e)
          : fail(t('Gäste und Praxis teilen sich ein Netz.', 'Guests and practice share one network.'), e),
      ];
    },
  },
  {
    id: 'net.remote-access-secured',
    area: 'network',
    severity: 'high',
    title: t(
      'VPN/Fernzugriff abgesichert (MFA, dokumentiert)',
      'VPN/remote access secured (MFA, documented)',
    ),
    reference: REF,
    kbvRefs: ['A1-13'],
    remediation: t(
      'Fernzugriff nur über VPN mit Zwei-Faktor-Authentisierung; Zugänge dokumentieren.',
      'Remote access only via VPN with two-factor authentication; document the accesses.',
    ),
    run: (ctx) => {
      const n = ctx.sheet.network;
      const uses = n.remoteVpn?.value === true || n.siteToSiteVpn?.value === true;
      const e = [
        ev('network.remoteVpn', n.remoteVpn),
        ev('network.vpnSecured', n.vpnSecured),
        ev('security.mfaRemoteAccess', ctx.sheet.security.mfaRemoteAccess),
      ];
      if (n.remoteVpn === undefined && n.siteToSiteVpn === undefined) {
        return [missing('network.remoteVpn', t('VPN-Nutzung', 'VPN use'))];
      }
      if (!uses) {
        return [pass(t('Kein VPN-Zugang in Betrieb.', 'No VPN access in use.'), e)];
      }
      if (n.vpnSecured?.value === false || ctx.sheet.security.mfaRemoteAccess?.value === 'no') {
        return [
          fail(t('VPN-Zugang ohne MFA bzw. undokumentiert.', 'VPN access without MFA or undocumented.'), e),
        ];
      }
      if (n.vpnSecured?.value === true) {
        return [pass(t('VPN mit MFA, dokumentiert.', 'VPN with MFA, documented.'), e)];
      }
      return [unknown(t('Absicherung des VPN nicht erfasst.', 'VPN protection not recorded.'), e)];
    },
  },
  documented(
    'net.ip-plan',
    t('IP-Plan dokumentiert', 'IP plan documented'),
    'network.ipPlanDocumented',
    (ctx) => ctx.sheet.network.ipPlanDocumented,
    t(
      'IP-Plan mit VLANs, festen Adressen (Konnektor, Server, Drucker, Kartenterminals) erstellen.',
      'Write an IP plan with VLANs and static addresses (Konnektor, server, printers, terminals).',
    ),
    ['A1-12'],
  ),
  {
    id: 'net.dhcp-dns',
    area: 'network',
    severity: 'medium',
    title: t('DHCP/DNS dokumentiert', 'DHCP/DNS documented'),
    reference: REF,
    kbvRefs: ['A1-12'],
    remediation: t(
      'DHCP-Server, Bereiche, Reservierungen und DNS-Server dokumentieren.',
      'Document DHCP server, scopes, reservations and DNS servers.',
    ),
    run: (ctx) => {
      const n = ctx.sheet.network;
      const e = [
        ev('network.dhcpDocumented', n.dhcpDocumented),
        ev('network.dnsDocumented', n.dnsDocumented),
      ];
      if (n.dhcpDocumented?.value === false || n.dnsDocumented?.value === false) {
        return [
          fail(
            t(
              `Nicht dokumentiert: ${[n.dhcpDocumented?.value === false ? 'DHCP' : '', n.dnsDocumented?.value === false ? 'DNS' : ''].filter(Boolean).join(', ')}.`,
              'DHCP/DNS not documented.',
            ),
            e,
          ),
        ];
      }
      if (n.dhcpDocumented === undefined || n.dnsDocumented === undefined) {
        return [
          unknown(t('DHCP/DNS-Dokumentation nicht erfasst.', 'DHCP/DNS documentation not recorded.'), e),
        ];
      }
      return [pass(t('DHCP und DNS dokumentiert.', 'DHCP and DNS documented.'), e)];
    },
  },
  {
    id: 'net.konnektor-admin-port',
    area: 'network',
    severity: 'critical',
    title: t(
      'Konnektor-Managementport 8500 nicht von außen erreichbar',
      'Konnektor management port 8500 not exposed',
    ),
    reference: 'Seed 004, Portliste (Konnektor - Weboberfläche, TCP 8500, int)',
    kbvRefs: ['A5-03', 'A1-11'],
    remediation: t(
      'Port 8500 (Konnektor-Weboberfläche) nur aus dem Praxisnetz zulassen; Portweiterleitungen am Router entfernen.',
      'Allow port 8500 (Konnektor web UI) only from the practice network; remove port forwards at the router.',
    ),
    run: (ctx) => {
      const x = ctx.sheet.network.konnektorAdminPortExposed;
      if (x === undefined) {
        return [
          missing(
            'network.konnektorAdminPortExposed',
            t('Erreichbarkeit Port 8500 von außen', 'external reachability of port 8500'),
          ),
        ];
      }
      const e = [ev('network.konnektorAdminPortExposed', x)];
      return [
        x.value
          ? fail(
              t(
                'Die Konnektor-Weboberfläche (8500) ist von außen erreichbar.',
                'The Konnektor web UI (8500) is reachable from outside.',
              ),
              e,
            )
          : pass(t('Port 8500 nur intern.', 'Port 8500 internal only.'), e),
      ];
    },
  },
  {
    id: 'net.nat-acls',
    area: 'network',
    severity: 'low',
    title: t('NAT/ACLs dokumentiert', 'NAT/ACLs documented'),
    reference: REF,
    kbvRefs: ['A1-11'],
    remediation: t(
      'Portweiterleitungen und Firewall-Regeln dokumentieren (Abgleich mit der Portliste).',
      'Document port forwards and firewall rules (compare with the port list).',
    ),
    run: (ctx) => {
      const v = ctx.sheet.network.natAclsDocumented;
      if (v === undefined) {
        return [missing('network.natAclsDocumented', t('NAT/ACL-Dokumentation', 'NAT/ACL documentation'))];
      }
      const e = [ev('network.natAclsDocumented', v)];
      return [
        v.value
          ? pass(t('Dokumentiert.', 'Documented.'), e)
          : warn(t('NAT/ACLs nicht dokumentiert.', 'NAT/ACLs not documented.'), e),
      ];
    },
  },
];
