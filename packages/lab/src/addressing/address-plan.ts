import { createServer } from 'node:net';
import { AppError } from '@praxisready/model';

/**
 * Where the simulated practice lives. On Linux every 127.x.y.z is bound to `lo`, so each simulated machine gets
 * its own address and its real (nominal) ports. macOS and Windows only answer on 127.0.0.1: there every service
 * gets an ephemeral port on 127.0.0.1, and the ground truth says which.
 */
export const AddressingModes = ['auto', 'multi', 'single'] as const;
export type AddressingMode = (typeof AddressingModes)[number];

/** The simulated machines and the last octet of their address in multi-address mode. */
export const HostOctets = {
  konnektor: 10,
  'pvs-server': 20,
  kim: 30,
  /** card terminals: 41, 42, … */
  terminal: 41,
  /** printers run by the built-in IPP simulator: 51, 52, … */
  printer: 51,
} as const;
export type HostRole = keyof typeof HostOctets;

/** Default address block of the lab: 127.42.0.0/24. Tests use other blocks so they never meet a running lab. */
export const DEFAULT_BLOCK = '127.42.0';

export interface AddressPlan {
  mode: 'multi' | 'single';
  /** The /24 block in multi mode (`127.42.0`), null in single mode. */
  block: string | null;
  /** Why this mode was chosen. */
  reason: string;
  /** Address of a simulated machine (`index` for terminals and printers). */
  address(role: HostRole, index?: number): string;
  /** Port to bind for a nominal port: the port itself in multi mode, 0 (ephemeral) in single mode. */
  port(nominal: number): number;
}

/** Checks a block such as `127.42.0`; only loopback blocks are accepted. */
export function parseBlock(block: string): string {
  const m = /^127\.(\d{1,3})\.(\d{1,3})$/.exec(block);
  if (!m || Number(m[1]) > 255 || Number(m[2]) > 255) {
    throw new AppError('BAD_REQUEST', `Not a loopback /24 block: ${block}`, {
      hint: 'Erwartet wird z. B. 127.42.0 (nur 127.0.0.0/8 ist erlaubt).',
    });
  }
  return block;
}

/** True when this machine accepts a bind on a loopback address other than 127.0.0.1. */
export async function canBindLoopbackAlias(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: address, port: 0, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Builds the address plan; `auto` probes whether 127.x aliases work. */
export async function planAddresses(
  options: { addressing?: AddressingMode; block?: string } = {},
): Promise<AddressPlan> {
  const block = parseBlock(options.block ?? DEFAULT_BLOCK);
  const wanted = options.addressing ?? 'auto';
  let mode: 'multi' | 'single';
  let reason: string;
  if (wanted === 'single') {
    mode = 'single';
    reason = 'requested: every service on 127.0.0.1 with an ephemeral port';
  } else {
    const probe = `${block}.254`;
    const works = await canBindLoopbackAlias(probe);
    if (works) {
      mode = 'multi';
      reason = `${probe} can be bound: one loopback address per machine, nominal ports`;
    } else if (wanted === 'multi') {
      throw new AppError('NOT_SUPPORTED', `Cannot bind loopback alias ${probe} on this platform`, {
        hint: 'Auf macOS/Windows nur 127.0.0.1: --addressing single oder auto verwenden.',
      });
    } else {
      mode = 'single';
      reason = `${probe} cannot be bound (macOS/Windows): 127.0.0.1 with ephemeral ports`;
    }
  }
  return {
    mode,
    block: mode === 'multi' ? block : null,
    reason,
    address(role, index = 0) {
      return mode === 'multi' ? `${block}.${HostOctets[role] + index}` : '127.0.0.1';
    },
    port(nominal) {
      return mode === 'multi' ? nominal : 0;
    },
  };
}

/** True for an IPv4 loopback address (the only addresses the lab ever binds). */
export function isLoopbackV4(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
