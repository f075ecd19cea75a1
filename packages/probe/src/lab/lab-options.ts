import type { GroundTruth } from '@praxisready/lab';
import type { ProbeOptions } from '../options.ts';

/**
 * Probe options for a running lab, taken from its ground truth: the targets a technician would type. Used by
 * the ground-truth tests and the benchmark (test support; not part of the public API).
 */
export function labProbeOptions(gt: GroundTruth): ProbeOptions {
  const iniPath = gt.pvs.serviceProvider.installationIni.path;
  const windowsRoot = iniPath.slice(0, iniPath.lastIndexOf('/C/'));
  return {
    policy: 'loopback',
    pvsServer: gt.pvs.serverAddress,
    pvsProduct: gt.pvs.product,
    hosts: { [gt.pvs.serverName]: gt.pvs.serverAddress },
    kimHosts: [gt.kim.address],
    konnektor: { url: gt.konnektor.url, ...gt.konnektor.context, caCertPem: gt.konnektor.caCertPem },
    printers: gt.printers
      .filter((p) => p.address !== null)
      .map((p) => ({ host: p.address ?? '', port: p.port ?? 631 })),
    gdtDevices: gt.gdt.devices.map((d) => ({
      id: d.id,
      exportDir: d.exportDir.path,
      importDir: d.importDir.path,
    })),
    windowsRoot,
    dnssd: false,
    internet: false,
  };
}
