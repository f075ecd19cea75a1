import { asList, bool, str } from './json.ts';

/** IP configuration of the enabled adapters (addresses, gateway, DNS, DHCP server). */
export const WINDOWS_NETWORK_SCRIPT =
  "Get-CimInstance Win32_NetworkAdapterConfiguration -Filter 'IPEnabled=True' | Select-Object Description,IPAddress,DefaultIPGateway,DNSServerSearchOrder,DHCPEnabled,DHCPServer,MACAddress | ConvertTo-Json -Depth 3 -Compress";

export interface ParsedNetwork {
  interfaces: { name: string; addresses: string[]; mac?: string; dhcp?: boolean }[];
  gateway?: string;
  dnsServers: string[];
  dhcpServer?: string;
}

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v])
    .map(str)
    .filter((s): s is string => s !== undefined);

/** Parses the JSON of {@link WINDOWS_NETWORK_SCRIPT}; the first adapter with a gateway is the main one. */
export function parseWindowsNetwork(raw: unknown): ParsedNetwork {
  const adapters = asList(raw);
  const interfaces = adapters.map((a) => {
    const mac = str(a.MACAddress);
    const dhcp = bool(a.DHCPEnabled);
    return {
      name: str(a.Description) ?? '?',
      addresses: strings(a.IPAddress),
      ...(mac ? { mac } : {}),
      ...(dhcp !== undefined ? { dhcp } : {}),
    };
  });
  const main = adapters.find((a) => strings(a.DefaultIPGateway).length > 0) ?? adapters[0];
  const gateway =
    strings(main?.DefaultIPGateway).find((g) => g.includes('.')) ?? strings(main?.DefaultIPGateway)[0];
  const dhcpServer = bool(main?.DHCPEnabled) ? str(main?.DHCPServer) : undefined;
  return {
    interfaces,
    ...(gateway ? { gateway } : {}),
    dnsServers: strings(main?.DNSServerSearchOrder),
    ...(dhcpServer ? { dhcpServer } : {}),
  };
}

/** `nameserver` lines of /etc/resolv.conf (Linux, macOS). */
export function parseResolvConf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((s): s is string => s !== undefined);
}

/** The DHCP server of the newest lease in a dhclient lease file (`option dhcp-server-identifier a.b.c.d;`). */
export function parseDhclientLeases(text: string): string | undefined {
  const all = [...text.matchAll(/option dhcp-server-identifier\s+([\d.]+);/g)];
  return all.at(-1)?.[1];
}
