import {
  SimulatorConfigSchema,
  simulatorPreset,
  startKonnektorSimulator,
  type KonnektorSimulator,
  type SimulatorConfig,
} from '@praxisready/konnektor';
import { isAppError } from '@praxisready/model';
import type { ScenarioId } from '../scenarios/types.ts';

/** Nominal Konnektor port: the SOAP interface and connector.sds over https (seed 000: "IP:443"). */
export const KONNEKTOR_PORT = 443;

/**
 * The Konnektor simulator's preset for a scenario, with the card terminals moved to the lab's loopback addresses
 * (the preset's 192.168.x addresses would point out of the machine).
 */
export function labKonnektorConfig(
  preset: ScenarioId,
  options: { address: string; port: number; now: Date; terminalAddress: (index: number) => string },
): SimulatorConfig {
  const config = SimulatorConfigSchema.parse(
    simulatorPreset(preset, { host: options.address, port: options.port, now: options.now }),
  );
  return {
    ...config,
    terminals: config.terminals.map((t, i) => ({ ...t, ipAddress: options.terminalAddress(i) })),
  };
}

function isPermissionError(error: unknown): boolean {
  for (let e: unknown = error; e !== undefined && e !== null; e = (e as { cause?: unknown }).cause) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES') {
      return true;
    }
    if (!isAppError(e) && !(e instanceof Error)) {
      break;
    }
  }
  return false;
}

/**
 * Starts the Konnektor simulator on its nominal port; without the privilege for port 443 it moves to an
 * ephemeral port (`remapped`).
 */
export async function startLabKonnektor(
  config: SimulatorConfig,
): Promise<{ sim: KonnektorSimulator; remapped: boolean }> {
  try {
    return { sim: await startKonnektorSimulator(config), remapped: false };
  } catch (error) {
    if (config.port === 0 || !isPermissionError(error)) {
      throw error;
    }
    return { sim: await startKonnektorSimulator({ ...config, port: 0 }), remapped: true };
  }
}
