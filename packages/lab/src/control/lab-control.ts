import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@praxisready/model';
import type { AddressingMode } from '../addressing/address-plan.ts';
import { GroundTruthSchema, type GroundTruth } from '../ground-truth/schema.ts';
import type { PrinterMode } from '../runtime/run-lab.ts';
import type { ScenarioId } from '../scenarios/types.ts';
import { LabFiles, readLabState, writeJsonAtomic, type LabDaemonConfig, type LabState } from './lab-state.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const DAEMON_ENTRY = join(HERE, '..', 'runtime', 'daemon-main.ts');
/** The package directory: node resolves `--import tsx` from the daemon's working directory. */
const PACKAGE_DIR = join(HERE, '..', '..');

/** Default state directory: `.lab/` in the repository root (gitignored). */
export const DEFAULT_LAB_DIR = resolve(HERE, '..', '..', '..', '..', '.lab');

export interface LabUpOptions {
  scenario?: ScenarioId;
  dir?: string;
  addressing?: AddressingMode;
  block?: string;
  printers?: PrinterMode;
  /** How long to wait for the daemon to be ready (default 30 s). */
  timeoutMs?: number;
}

export interface LabUpResult {
  groundTruth: GroundTruth;
  state: LabState;
  /** Wall time from spawning the daemon to "ready", as seen by the caller. */
  startupMs: number;
}

/** Whether a pid is a live process; on Linux also that its command line contains `marker` (pids get reused). */
export function isLiveProcess(pid: number, marker?: string): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 3 after the parenthesised name is the state; Z = zombie (exited, not yet reaped).
      if (/\)\s+Z\s/.test(stat)) {
        return false;
      }
      return marker === undefined || readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const DAEMON_MARKER = 'daemon-main.ts';

/** Starts the lab daemon detached and waits until every service listens. */
export async function labUp(options: LabUpOptions = {}): Promise<LabUpResult> {
  const dir = resolve(options.dir ?? DEFAULT_LAB_DIR);
  mkdirSync(dir, { recursive: true });
  const previous = readLabState(dir);
  if (previous && previous.status !== 'stopped' && isLiveProcess(previous.daemonPid, DAEMON_MARKER)) {
    throw new AppError('CONFLICT', `A lab is already running in ${dir} (pid ${previous.daemonPid})`, {
      hint: 'Erst "praxisready lab down" ausführen oder ein anderes --dir wählen.',
    });
  }
  if (previous) {
    // A daemon that died without `lab down` may have left ippeveprinter children behind: stop them first.
    await Promise.all(previous.children.map((c) => stopPid(c.pid, c.name, 2000)));
  }
  const config: LabDaemonConfig = {
    scenario: options.scenario ?? 'ready',
    dir,
    addressing: options.addressing ?? 'auto',
    printers: options.printers ?? 'auto',
    ...(options.block !== undefined ? { block: options.block } : {}),
  };
  const log = openSync(join(dir, LabFiles.log), 'a');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', DAEMON_ENTRY, JSON.stringify(config)], {
    cwd: PACKAGE_DIR,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) {
    throw new AppError('INTERNAL', 'Could not start the lab daemon');
  }
  child.unref();
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const state = readLabState(dir);
    if (state?.daemonPid === pid && state.status === 'ready') {
      const startupMs = Math.round(performance.now() - t0);
      const groundTruth = GroundTruthSchema.parse(
        JSON.parse(readFileSync(join(dir, LabFiles.groundTruth), 'utf8')),
      );
      return { groundTruth, state, startupMs };
    }
    if (state?.daemonPid === pid && state.status === 'failed') {
      throw new AppError(
        (state.error?.code as 'INTERNAL' | undefined) ?? 'INTERNAL',
        `Lab did not start: ${state.error?.message ?? 'unknown error'}`,
        {
          hint: state.error?.hint ?? `Log: ${join(dir, LabFiles.log)}`,
        },
      );
    }
    if (exitCode !== null) {
      throw new AppError('INTERNAL', `Lab daemon exited with code ${String(exitCode)} before it was ready`, {
        hint: `Log: ${join(dir, LabFiles.log)}`,
      });
    }
    if (Date.now() > deadline) {
      await stopPid(pid, DAEMON_MARKER, 2000);
      throw new AppError('TIMEOUT', `Lab not ready after ${options.timeoutMs ?? 30_000} ms`, {
        hint: `Log: ${join(dir, LabFiles.log)}`,
      });
    }
    await sleep(25);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** SIGTERM, wait, SIGKILL; true when the process is gone afterwards. */
async function stopPid(pid: number, marker: string, graceMs: number): Promise<boolean> {
  if (!isLiveProcess(pid, marker)) {
    return true;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return !isLiveProcess(pid, marker);
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isLiveProcess(pid, marker)) {
      return true;
    }
    await sleep(20);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await sleep(50);
  return !isLiveProcess(pid, marker);
}

export interface LabDownResult {
  /** false when no lab was running. */
  wasRunning: boolean;
  /** Every pid that was stopped (daemon first). */
  stopped: { pid: number; name: string }[];
  /** Pids still alive afterwards (should be empty). */
  survivors: number[];
}

/** Stops the daemon and every process it started, by process id. */
export async function labDown(options: { dir?: string } = {}): Promise<LabDownResult> {
  const dir = resolve(options.dir ?? DEFAULT_LAB_DIR);
  const state = readLabState(dir);
  if (!state) {
    return { wasRunning: false, stopped: [], survivors: [] };
  }
  const processes = [{ pid: state.daemonPid, name: 'lab-daemon', marker: DAEMON_MARKER }].concat(
    state.children.map((c) => ({ ...c, marker: c.name })),
  );
  const aliveBefore = processes.filter((p) => isLiveProcess(p.pid, p.marker));
  // The daemon stops its children itself; the loop then catches any it left (e.g. after a SIGKILL).
  for (const p of processes) {
    await stopPid(p.pid, p.marker, p.name === 'lab-daemon' ? 5000 : 2000);
  }
  const survivors = processes.filter((p) => isLiveProcess(p.pid, p.marker)).map((p) => p.pid);
  const stopped = aliveBefore
    .filter((p) => !survivors.includes(p.pid))
    .map((p) => ({ pid: p.pid, name: p.name }));
  const wasRunning = aliveBefore.length > 0;
  const after = readLabState(dir);
  if (after && after.status !== 'stopped') {
    writeJsonAtomic(join(dir, LabFiles.state), { ...after, status: 'stopped' });
  }
  return { wasRunning, stopped, survivors };
}

export interface LabStatusResult {
  running: boolean;
  state: LabState | null;
  groundTruth: GroundTruth | null;
  dir: string;
}

/** Reads the state of the lab in `dir`. */
export function labStatus(options: { dir?: string } = {}): LabStatusResult {
  const dir = resolve(options.dir ?? DEFAULT_LAB_DIR);
  const state = readLabState(dir);
  const running = state !== null && state.status === 'ready' && isLiveProcess(state.daemonPid, DAEMON_MARKER);
  let groundTruth: GroundTruth | null = null;
  const gtPath = join(dir, LabFiles.groundTruth);
  if (running && existsSync(gtPath)) {
    const parsed = GroundTruthSchema.safeParse(JSON.parse(readFileSync(gtPath, 'utf8')));
    groundTruth = parsed.success ? parsed.data : null;
  }
  return { running, state, groundTruth, dir };
}
