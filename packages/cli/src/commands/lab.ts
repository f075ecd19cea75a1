import { resolve } from 'node:path';
import { AppError, ExitCode } from '@praxisready/model';
import {
  AddressingModes,
  PrinterModes,
  ScenarioIds,
  formatLabSummary,
  labDown,
  labStatus,
  labUp,
  type AddressingMode,
  type PrinterMode,
  type ScenarioId,
} from '@praxisready/lab';
import type { Command, CommandContext } from '../command.ts';

const DIR_OPTION = {
  type: 'string',
  arg: 'DIR',
  description: 'state directory of the lab (default: .lab/ in the repository root)',
} as const;
const JSON_OPTION = { type: 'boolean', description: 'print JSON instead of text' } as const;

function oneOf<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[]): T | undefined {
  const value = ctx.values[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new AppError('BAD_REQUEST', `--${name} takes ${allowed.join(' | ')}`);
  }
  return value as T;
}

function dirOf(ctx: CommandContext): string | undefined {
  const dir = ctx.values.dir;
  return typeof dir === 'string' ? resolve(ctx.io.cwd, dir) : undefined;
}

export const labUpCommand: Command = {
  name: 'lab up',
  summary: 'Start the practice lab: a simulated practice on loopback addresses',
  usage: '[--scenario ready|typical-problems|broken] [--dir DIR] [--json]',
  description:
    'Starts a detached daemon with the Konnektor simulator, IPP printers (ippeveprinter where installed, else a ' +
    'built-in simulator), card-terminal SICCT ports, the PVS server and KIM ports of the seed 004 port list, GDT ' +
    'exchange folders and the Service-Provider INI pair. Prints what runs where and writes <DIR>/ground-truth.json. ' +
    'Linux: one 127.x address per machine with real ports; macOS/Windows: 127.0.0.1 with ephemeral ports.',
  options: {
    scenario: {
      type: 'string',
      arg: 'NAME',
      description: `scenario: ${ScenarioIds.join(' | ')} (default ready)`,
    },
    dir: DIR_OPTION,
    block: {
      type: 'string',
      arg: '127.A.B',
      description: 'loopback /24 block for the machines (default 127.42.0)',
    },
    addressing: {
      type: 'string',
      arg: 'MODE',
      description: `${AddressingModes.join(' | ')}: one address per machine, or 127.0.0.1 only (default auto)`,
    },
    printers: {
      type: 'string',
      arg: 'MODE',
      description: `${PrinterModes.join(' | ')}: ippeveprinter or the built-in IPP simulator (default auto)`,
    },
    json: { type: 'boolean', description: 'print the ground truth as JSON' },
  },
  exitCodes: {
    [ExitCode.OK]: 'lab running',
    [ExitCode.FAILURES]: 'a lab is already running in this directory',
    [ExitCode.INPUT]:
      'the lab could not start (port taken, ippeveprinter missing with --printers ippeveprinter)',
  },
  async run(ctx) {
    const result = await labUp({
      scenario: oneOf<ScenarioId>(ctx, 'scenario', ScenarioIds),
      dir: dirOf(ctx),
      block: typeof ctx.values.block === 'string' ? ctx.values.block : undefined,
      addressing: oneOf<AddressingMode>(ctx, 'addressing', AddressingModes),
      printers: oneOf<PrinterMode>(ctx, 'printers', PrinterModes),
    });
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(result.groundTruth, null, 2));
    } else {
      for (const line of formatLabSummary(result.groundTruth, result.startupMs)) {
        ctx.out(line);
      }
      ctx.out('Stoppen: praxisready lab down');
    }
    return ExitCode.OK;
  },
};

export const labDownCommand: Command = {
  name: 'lab down',
  summary: 'Stop the practice lab and every process it started',
  usage: '[--dir DIR] [--json]',
  options: { dir: DIR_OPTION, json: JSON_OPTION },
  exitCodes: {
    [ExitCode.OK]: 'stopped, or nothing was running',
    [ExitCode.FAILURES]: 'a process of the lab could not be stopped',
  },
  async run(ctx) {
    const result = await labDown({ dir: dirOf(ctx) });
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(result, null, 2));
    } else if (!result.wasRunning) {
      ctx.out('Kein Labor lief.');
    } else {
      ctx.out(`Gestoppt: ${result.stopped.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);
    }
    if (result.survivors.length > 0) {
      ctx.err(`Noch aktiv: pid ${result.survivors.join(', ')}`);
      return ExitCode.FAILURES;
    }
    return ExitCode.OK;
  },
};

export const labStatusCommand: Command = {
  name: 'lab status',
  summary: 'Show whether the practice lab runs, and what runs where',
  usage: '[--dir DIR] [--json]',
  options: { dir: DIR_OPTION, json: JSON_OPTION },
  exitCodes: { [ExitCode.OK]: 'lab running', [ExitCode.FAILURES]: 'no lab running' },
  run(ctx) {
    const status = labStatus({ dir: dirOf(ctx) });
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(status, null, 2));
    } else if (status.running && status.groundTruth) {
      ctx.out(`Labor läuft (pid ${status.state?.daemonPid ?? '?'}).`);
      for (const line of formatLabSummary(status.groundTruth)) {
        ctx.out(line);
      }
    } else {
      ctx.out(`Kein Labor läuft in ${status.dir}.`);
    }
    return Promise.resolve(status.running ? ExitCode.OK : ExitCode.FAILURES);
  },
};

/** The `lab` commands, in help order. */
export const labCommands: readonly Command[] = [labUpCommand, labDownCommand, labStatusCommand];
