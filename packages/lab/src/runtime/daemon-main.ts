/**
 * Entry point of the lab daemon, started detached by `praxisready lab up` as
 * `node --import tsx daemon-main.ts '<config JSON>'`. Runs the lab until SIGTERM/SIGINT, then stops everything it
 * started and exits. Progress goes to the state file; output to `<dir>/lab.log`.
 */
import { join } from 'node:path';
import { toAppError } from '@praxisready/model';
import { LabDaemonConfigSchema, LabFiles, writeJsonAtomic, type LabState } from '../control/lab-state.ts';
import { runLab, type RunningLab } from './run-lab.ts';

const t0 = performance.now();
const config = LabDaemonConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const statePath = join(config.dir, LabFiles.state);
const state: LabState = {
  status: 'starting',
  daemonPid: process.pid,
  scenario: config.scenario,
  startedAt: new Date().toISOString(),
  children: [],
};
writeJsonAtomic(statePath, state);

let lab: RunningLab | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log(`${new Date().toISOString()} ${signal}: stopping the lab`);
  await lab?.close();
  writeJsonAtomic(statePath, { ...state, status: 'stopped' });
  process.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(signal));
}

try {
  lab = await runLab({ ...config, daemonPid: process.pid });
  writeJsonAtomic(join(config.dir, LabFiles.groundTruth), lab.groundTruth);
  Object.assign(state, {
    status: 'ready',
    children: lab.children(),
    startupMs: Math.round(performance.now() - t0),
  });
  writeJsonAtomic(statePath, state);
  console.log(`${new Date().toISOString()} ready (${config.scenario}) in ${state.startupMs ?? '?'} ms`);
} catch (e) {
  const error = toAppError(e);
  console.error(error.stack ?? error.message);
  writeJsonAtomic(statePath, {
    ...state,
    status: 'failed',
    error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) },
  });
  process.exitCode = 1;
}
