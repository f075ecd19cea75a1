import { describe, expect, it } from 'vitest';
import { demoSheet } from '../test-support/fixtures.ts';
import { networkSketch } from './network-sketch.ts';

const at = '2026-11-20T09:30:00Z';
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('networkSketch', () => {
  it('draws internet, firewall, Konnektor, every VLAN, servers, printers and every workplace with its terminals', () => {
    const sheet = demoSheet();
    const { svg, height } = networkSketch(sheet, 'de');
    const t = texts(svg);
    expect(t).toContain('Internet');
    expect(t).toContain('Sophos XGS 87');
    expect(t).toContain('192.168.10.5 · gSMC-K 28.02.2027');
    for (const s of sheet.network.subnets!.value) {
      expect(t.some((x) => x.includes(s.cidr))).toBe(true);
    }
    for (const w of sheet.workplaces) {
      expect(t).toContain(w.name.value);
    }
    expect(t).toContain('PVS-Server PRAXIS-SRV01');
    expect(t.some((x) => x.startsWith('KT: ORGA 6141 online'))).toBe(true);
    expect(t).toContain('GDT: SpiroScout (Spirometrie)');
    expect(t).toContain('kein Kartenterminal zugeordnet');
    expect(height).toBeGreaterThan(200);
  });

  it('marks what is missing and names a TI-Gateway connection', () => {
    const sheet = demoSheet();
    delete sheet.network.firewallProduct;
    delete sheet.network.subnets;
    sheet.network.guestSeparated = { value: 'no', source: 'person', at };
    sheet.ti.connection = { value: 'ti_gateway', source: 'person', at };
    const { svg } = networkSketch(sheet, 'en');
    const t = texts(svg);
    expect(t).toContain('TI-Gateway (VPN box)');
    expect(t).toContain('LAN (no subnets/VLANs recorded)');
    expect(t).toContain('guest network NOT separated');
    expect(svg).toContain('stroke="#B03A2E" stroke-width="0.8" stroke-dasharray="3,2"');
  });

  it('escapes XML in names from the sheet', () => {
    const sheet = demoSheet();
    sheet.workplaces[0]!.name = { value: 'Empfang <A&B>', source: 'person', at };
    expect(networkSketch(sheet, 'de').svg).toContain('Empfang &lt;A&amp;B&gt;');
  });
});
