import type { KonnektorAuth } from '@praxisready/konnektor';
import type { NetworkPolicy } from './net/tcp.ts';

/** Konnektor connection for the Konnektor collector; secrets come from the environment or a prompt only. */
export interface KonnektorTarget {
  url: string;
  mandantId?: string;
  clientSystemId?: string;
  workplaceId?: string;
  userId?: string;
  /** Basic auth or a client certificate; never written into the facts document. */
  auth?: KonnektorAuth;
  /** PEM CA to verify the Konnektor's TLS certificate against; without it the chain is only recorded. */
  caCertPem?: string;
  timeoutMs?: number;
}

/** What the technician told the probe; everything optional except the network policy. */
export interface ProbeOptions {
  /** `loopback` in tests and benchmarks: no peer outside 127.0.0.0/8 is ever contacted. */
  policy: NetworkPolicy;
  pvsServer?: string;
  /** Name → address, used instead of DNS (like curl --resolve); in loopback policy names resolve only here. */
  hosts?: Record<string, string>;
  /** PVS product for the port list columns; all products when unknown. */
  pvsProduct?: string;
  konnektor?: KonnektorTarget;
  kimHosts?: string[];
  /** Stationary card terminals (SICCT 4742) besides those the Konnektor lists. */
  cardTerminals?: string[];
  printers?: { host: string; port: number }[];
  gdtDirs?: string[];
  /** GDT devices: which folders are a device's export (orders) and import (results); also audited. */
  gdtDevices?: { id: string; exportDir?: string; importDir?: string }[];
  /** A directory standing for the Windows drives (`<root>/C/...` = `C:\...`), e.g. a mounted share or the lab. */
  windowsRoot?: string;
  dnssd?: boolean;
  dnssdTimeoutMs?: number;
  /** TCP connect to a well-known internet host; never in loopback policy. */
  internet?: boolean;
  internetTarget?: { host: string; port: number };
  /** Optional download bandwidth test: a URL of a large file (e.g. the Systemhaus's own speed-test file). */
  bandwidthUrl?: string;
  scan?: { cidr: string; ratePerSecond?: number; concurrency?: number };
  /** Overall bound for the whole run. */
  budgetMs?: number;
  /** Run only these collectors / skip these. */
  only?: string[];
  skip?: string[];
  caseId?: string;
}
