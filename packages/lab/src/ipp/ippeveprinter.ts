import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { AppError } from '@praxisready/model';
import type { PrinterDefinition } from '../scenarios/types.ts';
import { IPP_PATH } from './ipp-simulator.ts';

/**
 * Runs Debian's `ippeveprinter` (cups-ipp-utils) as a real IPP Everywhere printer.
 *
 * Two facts of ippeveprinter 2.4 shape this module:
 * - it refuses to start without the system D-Bus ("Unable to initialize DNS-SD"), even with `-r off`; Avahi
 *   is optional (scripts/setup-machine.sh starts both, Avahi limited to `lo`); we pass `-r off` so it registers
 *   nothing;
 * - it needs an IPv4 *and* an IPv6 listener on the host name given with `-n`. A 127.x alias has no IPv6 twin, so
 *   the printer runs on `-n localhost`: 127.0.0.1 and ::1 (the IPv6 loopback), on a free port of both.
 */
export const IPPEVEPRINTER_BIN = '/usr/sbin/ippeveprinter';

/**
 * ippeveprinter needs a *live* system D-Bus (Avahi itself may be down: it then logs "Ignored Avahi state" and
 * serves anyway). A killed dbus-daemon leaves its socket file behind, so the check reads the pid file and asks
 * the kernel whether that process still exists.
 */
const DBUS_SOCKET = '/run/dbus/system_bus_socket';
const DBUS_PID = '/run/dbus/pid';

function dbusAlive(): boolean {
  if (!existsSync(DBUS_SOCKET) || !existsSync(DBUS_PID)) {
    return false;
  }
  const pid = Number.parseInt(readFileSync(DBUS_PID, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, which still means the bus runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether ippeveprinter can run here, and if not, why. */
export function ippeveprinterAvailability(bin = IPPEVEPRINTER_BIN): { available: boolean; reason: string } {
  if (process.platform !== 'linux') {
    return { available: false, reason: `ippeveprinter is only used on Linux (this is ${process.platform})` };
  }
  if (!existsSync(bin)) {
    return { available: false, reason: `${bin} not installed (Debian package cups-ipp-utils)` };
  }
  if (!dbusAlive()) {
    return {
      available: false,
      reason: `ippeveprinter needs a running system D-Bus (${DBUS_SOCKET} missing or its daemon gone; see scripts/setup-machine.sh)`,
    };
  }
  return { available: true, reason: `${bin} with the system D-Bus running` };
}

export interface RunningIppeveprinter {
  pid: number;
  uri: string;
  address: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A port free on both 127.0.0.1 and ::1 (ippeveprinter binds both). */
async function freeDualStackPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await bindAndRelease('127.0.0.1', 0);
    if (port !== null && (await bindAndRelease('::1', port)) !== null) {
      return port;
    }
  }
  throw new AppError('UNREACHABLE', 'No free port on 127.0.0.1 and ::1 for ippeveprinter');
}

function bindAndRelease(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(null));
    s.listen({ host, port, exclusive: true }, () => {
      const addr = s.address();
      const got = typeof addr === 'object' && addr !== null ? addr.port : null;
      s.close(() => resolve(got));
    });
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Starts ippeveprinter for a printer definition and resolves when it accepts connections. */
export async function startIppeveprinter(
  def: PrinterDefinition,
  options: { workDir: string; bin?: string; timeoutMs?: number },
): Promise<RunningIppeveprinter> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(def, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw new AppError('UNREACHABLE', `ippeveprinter for ${def.name} did not start`, { cause: lastError });
}

async function startOnce(
  def: PrinterDefinition,
  options: { workDir: string; bin?: string; timeoutMs?: number },
): Promise<RunningIppeveprinter> {
  const port = await freeDualStackPort();
  const spool = join(options.workDir, `spool-${def.id}`);
  mkdirSync(spool, { recursive: true });
  const logPath = join(options.workDir, `ippeveprinter-${def.id}.log`);
  const log = openSync(logPath, 'a');
  const args = [
    '-r',
    'off',
    '-n',
    'localhost',
    '-p',
    String(port),
    '-M',
    def.make,
    '-m',
    def.model,
    '-f',
    def.formats.join(','),
    '-l',
    def.location,
    '-d',
    spool,
    def.name,
  ];
  const child = spawn(options.bin ?? IPPEVEPRINTER_BIN, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (!exited && Date.now() < deadline) {
    if (await canConnect('127.0.0.1', port)) {
      return {
        pid: child.pid ?? -1,
        uri: `ipp://127.0.0.1:${port}${IPP_PATH}`,
        address: '127.0.0.1',
        port,
        child,
        stop: () => stopChild(child),
      };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stopChild(child);
  const tail = readFileSync(logPath, 'utf8').trim().split('\n').slice(-3).join(' | ');
  throw new AppError(
    'UNREACHABLE',
    `ippeveprinter exited or did not listen on port ${port}${tail ? ` (it said: ${tail})` : ''}`,
  );
}

/** SIGTERM, then SIGKILL after 2 s; resolves when the process is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
