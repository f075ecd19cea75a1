import { z } from 'zod';
import { TriStateSchema, sourced as s } from '../common/sourced.ts';

export const SubnetPurpose = {
  medical: 'medical',
  guest: 'guest',
  management: 'management',
  ti: 'ti',
  voip: 'voip',
  devices: 'devices',
  other: 'other',
} as const;
export type SubnetPurpose = keyof typeof SubnetPurpose;

/** One measured TCP/UDP reachability: from this machine to host:port. */
export const PortCheckSchema = z.object({
  host: z.string().max(255),
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  /** open = connect succeeded; closed = refused; filtered = timed out; unknown = not measurable (udp). */
  state: z.enum(['open', 'closed', 'filtered', 'unknown']),
  /** What the host is in the practice: pvs_server, konnektor, card_terminal, printer, kim … */
  role: z.string().max(50).optional(),
});
export type PortCheck = z.infer<typeof PortCheckSchema>;

/** Section "Netzwerk/ISA/Firewall/VPN/Internet" (seed 000). */
export const NetworkSectionSchema = z.object({
  ipPlanDocumented: s(z.boolean()).optional(),
  subnets: s(
    z.array(
      z.object({
        cidr: z.string().max(50),
        vlanId: z.number().int().min(0).max(4094).optional(),
        purpose: z.enum(SubnetPurpose),
        name: z.string().max(100).optional(),
      }),
    ),
  ).optional(),
  /** Guest (WLAN) network separated from the medical network. */
  guestSeparated: s(TriStateSchema).optional(),
  dhcpServer: s(z.string().max(255)).optional(),
  dhcpDocumented: s(z.boolean()).optional(),
  dnsServers: s(z.array(z.string().max(255))).optional(),
  dnsDocumented: s(z.boolean()).optional(),
  gateway: s(z.string().max(255)).optional(),
  natAclsDocumented: s(z.boolean()).optional(),
  firewallProduct: s(z.string().max(100)).optional(),
  siteToSiteVpn: s(z.boolean()).optional(),
  remoteVpn: s(z.boolean()).optional(),
  /** Remote access (VPN or remote maintenance) uses MFA / is documented. */
  vpnSecured: s(z.boolean()).optional(),
  internetReachable: s(z.boolean()).optional(),
  internetDownMbit: s(z.number().nonnegative()).optional(),
  internetUpMbit: s(z.number().nonnegative()).optional(),
  portChecks: s(z.array(PortCheckSchema)).optional(),
  /** Konnektor management interface (port 8500) reachable from outside the practice network. */
  konnektorAdminPortExposed: s(z.boolean()).optional(),
  /** Remote desktop access to the server is possible (seed 004 "Zugriff auf den Server erforderlich"). */
  serverRemoteAccess: s(z.boolean()).optional(),
});
export type NetworkSection = z.infer<typeof NetworkSectionSchema>;
