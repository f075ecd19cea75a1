import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ScenarioIds } from '../scenarios/types.ts';
import { AddressingModes } from '../addressing/address-plan.ts';
import { PrinterModes } from '../runtime/run-lab.ts';

/** File names inside the lab directory. */
export const LabFiles = {
  state: 'lab-state.json',
  groundTruth: 'ground-truth.json',
  log: 'lab.log',
} as const;

/** What `lab up` hands the daemon (one JSON argument). */
export const LabDaemonConfigSchema = z.object({
  scenario: z.enum(ScenarioIds),
  dir: z.string(),
  addressing: z.enum(AddressingModes),
  block: z.string().optional(),
  printers: z.enum(PrinterModes),
});
export type LabDaemonConfig = z.infer<typeof LabDaemonConfigSchema>;

/** The daemon's state file: who runs, since when, which processes it started. */
export const LabStateSchema = z.object({
  status: z.enum(['starting', 'ready', 'failed', 'stopped']),
  daemonPid: z.number().int(),
  scenario: z.enum(ScenarioIds),
  startedAt: z.iso.datetime(),
  /** Time from daemon start to all services listening, measured inside the daemon. */
  startupMs: z.number().optional(),
  children: z.array(z.object({ pid: z.number().int(), name: z.string() })),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
});
export type LabState = z.infer<typeof LabStateSchema>;

/** Writes JSON atomically (temp file + rename), so a reader never sees half a file. */
export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The state file of a lab directory, or null when there is none (or it is unreadable). */
export function readLabState(dir: string): LabState | null {
  try {
    const parsed = LabStateSchema.safeParse(JSON.parse(readFileSync(join(dir, LabFiles.state), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
