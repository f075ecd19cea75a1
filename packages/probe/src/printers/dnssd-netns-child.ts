// Child process of dnssd.int.test.ts, run inside a network namespace the test created (`ip netns exec`): only `lo`
// exists there, so the mDNS multicast of the announcement and the browse never leaves the namespace. Publishes an
// IPP printer (the lab's simulator) as `_ipp._tcp`, runs the probe's printer collector with DNS-SD on and prints
// the printer facts as JSON.
import { Bonjour } from 'bonjour-service';
import { startIppPrinterSimulator } from '@praxisready/lab';
import { runProbe } from '../run/run-probe.ts';

const printer = await startIppPrinterSimulator(
  {
    id: 'netns',
    name: 'Netns Drucker',
    make: 'Brother',
    model: 'HL-L5100DN',
    location: 'Empfang',
    formats: ['application/pdf', 'image/pwg-raster'],
    reachable: true,
  },
  { address: '127.0.0.1', port: 0 },
);
const bonjour = new Bonjour();
bonjour.publish({
  name: 'Netns Drucker',
  type: 'ipp',
  port: printer.port,
  host: 'localhost',
  txt: { rp: 'ipp/print' },
  disableIPv6: true,
});
try {
  await new Promise((r) => setTimeout(r, 300));
  // Policy `any`: inside the namespace nothing but loopback exists.
  const { facts, runs } = await runProbe({
    policy: 'any',
    dnssd: true,
    dnssdTimeoutMs: 1500,
    only: ['printers.ipp'],
  });
  process.stdout.write(`${JSON.stringify({ printers: facts.printers ?? [], runs })}\n`);
} finally {
  await new Promise<void>((r) => bonjour.destroy(() => r()));
  await printer.close();
}
