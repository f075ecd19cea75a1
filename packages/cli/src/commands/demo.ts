import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError, AuditSheetSchema, ExitCode, sheetFromFacts } from '@praxisready/model';
import {
  DEFAULT_LAB_DIR,
  labDown,
  labUp,
  formatLabSummary,
  ScenarioIds,
  type ScenarioId,
} from '@praxisready/lab';
import { formatSummary, labProbeOptions, runProbe } from '@praxisready/probe';
import { evaluate } from '@praxisready/rules';
import type { Command } from '../command.ts';
import { printEvaluation } from './check.ts';

/**
 * The main job on the embedded default (`npm start`): start the practice lab, probe it the way a technician
 * would probe a practice, and evaluate the facts. Everything runs on loopback; nothing leaves the machine.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the main job on the practice lab: lab up → probe → findings',
  usage: '[--scenario typical-problems|ready|broken] [--dir DIR] [--keep]',
  description: [
    'Starts the simulated practice on loopback (praxisready lab up), runs the probe against it with DNS-SD and',
    'internet checks off, writes the facts to <DIR>/facts.json, prints the findings with scores, and stops the',
    'lab again (unless --keep). Needs no Debian tools: built-in printers stand in where ippeveprinter is absent.',
  ].join('\n'),
  options: {
    scenario: {
      type: 'string',
      arg: 'NAME',
      description: `${ScenarioIds.join(' | ')} (default typical-problems)`,
    },
    dir: { type: 'string', arg: 'DIR', description: `lab state directory (default ${DEFAULT_LAB_DIR})` },
    block: {
      type: 'string',
      arg: '127.A.B',
      description: 'loopback /24 block for the lab machines (default 127.42.0)',
    },
    keep: {
      type: 'boolean',
      description: 'leave the lab running afterwards (stop with praxisready lab down)',
    },
  },
  exitCodes: {
    [ExitCode.OK]: 'demo ran (findings are its output; use `praxisready check` for a pass/fail exit code)',
    [ExitCode.INPUT]: 'the lab could not start (a port is taken, or a lab already runs in DIR)',
  },
  async run(ctx) {
    const scenario = (ctx.values.scenario ?? 'typical-problems') as string;
    if (!(ScenarioIds as readonly string[]).includes(scenario)) {
      throw new AppError('BAD_REQUEST', `--scenario takes ${ScenarioIds.join(', ')}`);
    }
    const dir = typeof ctx.values.dir === 'string' ? resolve(ctx.io.cwd, ctx.values.dir) : DEFAULT_LAB_DIR;
    ctx.err('== 1/3 Praxis-Labor starten ==');
    const { groundTruth, startupMs } = await labUp({
      scenario: scenario as ScenarioId,
      dir,
      printers: 'auto',
    });
    try {
      for (const line of formatLabSummary(groundTruth, startupMs)) {
        ctx.err(line);
      }
      ctx.err('');
      ctx.err('== 2/3 Probe gegen das Labor ==');
      const { facts, runs } = await runProbe(labProbeOptions(groundTruth), {
        onProgress: (line) => ctx.err(line),
      });
      for (const line of formatSummary(facts, runs)) {
        ctx.err(line);
      }
      const factsPath = join(dir, 'facts.json');
      await writeFile(factsPath, `${JSON.stringify(facts, null, 2)}\n`);
      ctx.err(`Fakten gespeichert: ${factsPath}`);
      ctx.err('');
      ctx.err('== 3/3 Befunde ==');
      const now = new Date();
      const sheet = AuditSheetSchema.parse(sheetFromFacts(facts));
      const result = evaluate(sheet, { now });
      printEvaluation(ctx.out, groundTruth.title, result, now, ctx.lang);
      return ExitCode.OK;
    } finally {
      if (ctx.values.keep === true) {
        ctx.err(`Labor läuft weiter (${dir}); stoppen mit: praxisready lab down`);
      } else {
        await labDown({ dir });
      }
    }
  },
};
