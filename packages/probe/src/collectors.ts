import type { Collector } from './collector.ts';
import { gdtCollector } from './collectors/gdt.ts';
import { cardTerminalsCollector, konnektorCollector } from './collectors/konnektor.ts';
import { mobileTerminalsCollector } from './collectors/mobile.ts';
import { bandwidthCollector, internetCollector, networkCollector } from './collectors/network.ts';
import { portsCollector, scanCollector } from './collectors/ports.ts';
import { printersCollector } from './collectors/printers.ts';
import { pvsCollector } from './collectors/pvs.ts';
import { serviceProviderCollector } from './collectors/service-provider.ts';
import { systemHardwareCollector, systemOsCollector } from './collectors/system.ts';
import {
  antivirusCollector,
  bitlockerCollector,
  firewallCollector,
  softwareCollector,
  updatesCollector,
} from './collectors/windows.ts';

/**
 * Every collector of the probe, in report order. Adding a collector = one entry here (the README table is
 * generated from this list and a test keeps both in sync).
 */
export const COLLECTORS: readonly Collector[] = [
  systemOsCollector,
  systemHardwareCollector,
  softwareCollector,
  antivirusCollector,
  firewallCollector,
  bitlockerCollector,
  updatesCollector,
  networkCollector,
  internetCollector,
  bandwidthCollector,
  portsCollector,
  scanCollector,
  konnektorCollector,
  cardTerminalsCollector,
  printersCollector,
  gdtCollector,
  serviceProviderCollector,
  pvsCollector,
  mobileTerminalsCollector,
];
