import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
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
import { startSmtpIntake } from '@praxisready/mail';
import { createServer, loadConfig } from '@praxisready/server';
import type { FactsDocument } from '@praxisready/model';
import type { Command, CommandContext } from '../command.ts';
import { seedDemoCase } from '../demo/demo-case.ts';
import { ensureWebBuild } from '@praxisready/web/build';
import { untilStopped } from './serve.ts';
import { printEvaluation } from './check.ts';

/**
 * The main job on the embedded default (`npm start`): start the practice lab, probe it the way a technician
 * would probe a practice, and evaluate the facts. Everything runs on loopback; nothing leaves the machine.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the main job on the practice lab: lab up → probe → findings → case in the web UI',
  usage: '[--scenario typical-problems|ready|broken] [--dir DIR] [--port N] [--no-ui] [--keep]',
  description: [
    'Starts the simulated practice on loopback (praxisready lab up), runs the probe against it with DNS-SD and',
    'internet checks off, writes the facts to <DIR>/facts.json and prints the findings with scores. Then it',
    'starts the case workflow server on embedded PGlite (<DIR>/server, reset on every run) with the web UI,',
    'walks a demo case from the intake mail into the audit and uploads the probe facts to it, prints the URL',
    'and the demo logins, and runs until Ctrl+C; then server and lab stop (the lab stays with --keep).',
    'With --no-ui it stops after the findings. Needs no Debian tools: built-in printers stand in where',
    'ippeveprinter is absent.',
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
    port: {
      type: 'string',
      arg: 'N',
      description: 'port of the web UI and API on 127.0.0.1 (default 8470; 0 = any)',
    },
    'no-ui': { type: 'boolean', description: 'stop after the findings: no server, no web UI' },
  },
  exitCodes: {
    [ExitCode.OK]:
      'demo ran and was stopped (findings are its output; use `praxisready check` for a pass/fail exit code)',
    [ExitCode.FAILURES]: 'a lab already runs in DIR, or the web port is taken (try --port 0)',
    [ExitCode.INPUT]: 'the lab could not start (a lab address or port is not available)',
  },
  async run(ctx) {
    const scenario = (ctx.values.scenario ?? 'typical-problems') as string;
    if (!(ScenarioIds as readonly string[]).includes(scenario)) {
      throw new AppError('BAD_REQUEST', `--scenario takes ${ScenarioIds.join(', ')}`);
    }
    const dir = typeof ctx.values.dir === 'string' ? resolve(ctx.io.cwd, ctx.values.dir) : DEFAULT_LAB_DIR;
    const block = typeof ctx.values.block === 'string' ? ctx.values.block : undefined;
    const withUi = ctx.values['no-ui'] !== true;
    const steps = withUi ? 4 : 3;
    ctx.err(`== 1/${steps} Praxis-Labor starten ==`);
    const { groundTruth, startupMs } = await labUp({
      scenario: scenario as ScenarioId,
      dir,
      printers: 'auto',
      ...(block ? { block } : {}),
    });
    try {
      for (const line of formatLabSummary(groundTruth, startupMs)) {
        ctx.err(line);
      }
      ctx.err('');
      ctx.err(`== 2/${steps} Probe gegen das Labor ==`);
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
      ctx.err(`== 3/${steps} Befunde ==`);
      const now = new Date();
      const sheet = AuditSheetSchema.parse(sheetFromFacts(facts));
      const result = evaluate(sheet, { now });
      printEvaluation(ctx.out, groundTruth.title, result, now, ctx.lang);
      if (withUi) {
        ctx.err('');
        ctx.err(`== 4/${steps} Fall im Server und Web-Oberfläche ==`);
        await serveDemoCase(ctx, dir, facts);
      }
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

/**
 * Starts the server on embedded PGlite with the web UI, puts the lab practice in as an audited demo case and
 * waits for Ctrl+C. The data folder and the master key exist for this run only: a demo never keeps data.
 */
async function serveDemoCase(ctx: CommandContext, dir: string, facts: FactsDocument): Promise<void> {
  const web = await ensureWebBuild();
  if (web.status === 'unavailable') {
    ctx.err(`Web-Oberfläche nicht verfügbar (${web.reason}); der Server läuft mit der API allein.`);
  } else if (web.built) {
    ctx.err('Web-Oberfläche gebaut (packages/web/dist)');
  }
  const dataDir = join(dir, 'server');
  await rm(dataDir, { recursive: true, force: true });
  // Outgoing mail (report, offer, invites) goes to a local mail catcher: every message lands as an .eml file
  // in <DIR>/server/outbox instead of reaching a real practice.
  const outbox = join(dataDir, 'outbox');
  await mkdir(outbox, { recursive: true });
  let sent = 0;
  const catcher = await startSmtpIntake({
    host: '127.0.0.1',
    port: 0,
    onMail: async (raw) => {
      sent += 1;
      await writeFile(join(outbox, `${String(sent).padStart(3, '0')}.eml`), raw);
    },
  });
  const admin = {
    email: 'admin@demo.praxisready.local',
    password: `Demo-${randomBytes(9).toString('base64url')}`,
  };
  const port = typeof ctx.values.port === 'string' ? ctx.values.port : '8470';
  const config = loadConfig(
    {
      ...ctx.io.env,
      DATABASE_URL: undefined,
      PRAXISREADY_MASTER_KEY: randomBytes(32).toString('base64'),
      PRAXISREADY_DATA_DIR: dataDir,
      PRAXISREADY_HOST: '127.0.0.1',
      PRAXISREADY_PORT: port,
      PRAXISREADY_PUBLIC_URL: undefined,
      PRAXISREADY_STATIC_DIR: web.status === 'ready' ? web.dir : undefined,
      PRAXISREADY_ADMIN_EMAIL: admin.email,
      PRAXISREADY_ADMIN_PASSWORD: admin.password,
      PRAXISREADY_SMTP_INTAKE_HOST: '127.0.0.1',
      PRAXISREADY_SMTP_INTAKE_PORT: '0',
      PRAXISREADY_SMTP_URL: `smtp://127.0.0.1:${catcher.port}`,
      PRAXISREADY_MAIL_FROM: 'audit@demo.praxisready.local',
      PRAXISREADY_IMAP_URL: undefined,
    },
    ctx.io.cwd,
  );
  let server: Awaited<ReturnType<typeof createServer>> | undefined;
  try {
    server = await createServer(config, { log: () => undefined });
    const url = await server.listen();
    const intakePort = server.integrations.smtpIntake?.port;
    if (intakePort === undefined) {
      throw new AppError('INTERNAL', 'The server started without its SMTP intake');
    }
    const demo = await seedDemoCase(url, admin, facts, new Date(), intakePort);
    ctx.out('');
    ctx.out(`Praxisready läuft: ${url}/`);
    ctx.out(`Demo-Fall (im Audit, Probe-Fakten hochgeladen): ${url}/faelle/${demo.caseId}`);
    ctx.out(`Anmeldung, Passwort für alle Demo-Konten: ${demo.password}`);
    for (const login of demo.logins) {
      if (login.role !== 'admin') {
        ctx.out(`  ${login.role.padEnd(11)} ${login.email}`);
      }
    }
    ctx.out(`  ${'admin'.padEnd(11)} ${admin.email}  (Passwort: ${admin.password})`);
    ctx.out(`Eingangs-Mails (SMTP): 127.0.0.1:${intakePort} · gesendete Mails landen in ${outbox}`);
    ctx.out('Beenden mit Strg+C (stoppt Server und Labor).');
    await untilStopped();
    ctx.err('stoppe …');
  } finally {
    await server?.close();
    await catcher.close();
  }
}
