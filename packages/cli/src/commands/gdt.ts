import { resolve } from 'node:path';
import { AppError, ExitCode, toAppError } from '@praxisready/model';
import {
  GdtProblemCodes,
  GdtSatzarten,
  GdtWatcher,
  attachmentResolver,
  auditGdtFolder,
  buildOrder,
  isKnownSatzart,
  parseGdt,
  validateGdt,
  writeGdtFile,
  type GdtCharset,
  type GdtFile,
  type GdtProblem,
  type GdtProblemCode,
} from '@praxisready/gdt';
import type { Command, CommandContext } from '../command.ts';
import { readInput } from '../io.ts';

/** Problem text in the CLI language (the codec writes English; the German text comes from the same table). */
function localise(message: string, code: string, lang: 'de' | 'en'): string {
  const spec = (GdtProblemCodes as Record<string, { de: string; en: string } | undefined>)[code];
  return lang === 'de' && spec ? message.replace(spec.en, spec.de) : message;
}

function parseReadable(bytes: Buffer, name: string): GdtFile {
  const file = parseGdt(bytes);
  if (!file.isGdtLike) {
    throw new AppError(
      'PARSE_FAILED',
      `${name}: nothing GDT-like found (no lines of the form LLL FFFF content)`,
      {
        hint: 'Keine GDT-Datei: Pfad/Dateinamen der GDT-Schnittstelle prüfen.',
      },
    );
  }
  return file;
}

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The exact `gdt inspect --json` shape of issue 3 (plus `severity` on problems). */
function inspectJson(file: GdtFile, lang: 'de' | 'en') {
  return {
    version: file.version ?? null,
    charset: file.charset,
    records: file.records.map((r) => ({
      satzart: r.satzart ?? null,
      length: r.length,
      fields: r.fields.map((f) => ({ line: f.line, id: f.id, name: f.name ?? null, value: f.value })),
    })),
    problems: file.problems.map((p) => ({
      line: p.line,
      code: p.code,
      message: localise(p.message, p.code, lang),
      severity: p.severity,
    })),
  };
}

function problemLine(
  p: { line: number; code: string; message: string; severity: string },
  lang: 'de' | 'en',
) {
  const where =
    p.line > 0 ? `${lang === 'de' ? 'Zeile' : 'line'} ${p.line}` : lang === 'de' ? 'Datei' : 'file';
  return `  ${p.severity.padEnd(7)} ${where.padEnd(10)} [${p.code}] ${localise(p.message, p.code, lang)}`;
}

export const gdtInspectCommand: Command = {
  name: 'gdt inspect',
  summary: 'Show the records, fields and problems of a GDT file',
  usage: '<file.gdt | -> [--json]',
  options: {
    json: { type: 'boolean', description: 'print version, charset, records, fields and problems as JSON' },
  },
  exitCodes: {
    [ExitCode.OK]: 'the file was read (it may still have problems)',
    [ExitCode.INPUT]: 'file missing, or nothing GDT-like in it',
  },
  async run(ctx) {
    const path = ctx.positionals[0];
    if (path === undefined) {
      throw new AppError('BAD_REQUEST', 'Missing <file.gdt>');
    }
    const file = parseReadable(await readInput(ctx.io, path), path);
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(inspectJson(file, ctx.lang), null, 2));
      return ExitCode.OK;
    }
    const de = ctx.lang === 'de';
    ctx.out(
      `${path}: GDT ${file.version ?? '?'}, ${de ? 'Zeichensatz' : 'charset'} ${file.charset}${file.declaredCharset ? '' : de ? ' (nicht angegeben)' : ' (not declared)'}, ${file.records.length} ${de ? 'Satz/Sätze' : 'record(s)'}`,
    );
    file.records.forEach((r, i) => {
      const name = isKnownSatzart(r.satzart) ? GdtSatzarten[r.satzart].name : '';
      ctx.out(`${de ? 'Satz' : 'Record'} ${i + 1}: ${r.satzart ?? '----'} ${name} (${r.length} Bytes)`);
      for (const f of r.fields) {
        ctx.out(`  ${String(f.line).padStart(4)}  ${f.id}  ${(f.name ?? '?').padEnd(34)} ${f.value}`);
      }
    });
    ctx.out(
      file.problems.length === 0
        ? de
          ? 'Keine Auffälligkeiten.'
          : 'No problems.'
        : de
          ? 'Auffälligkeiten:'
          : 'Problems:',
    );
    for (const p of file.problems) {
      ctx.out(problemLine(p, ctx.lang));
    }
    return ExitCode.OK;
  },
};

export const gdtValidateCommand: Command = {
  name: 'gdt validate',
  summary:
    'Validate GDT files: mandatory fields per record type and version, formats, roles, 8402, attachments',
  usage: '<file.gdt…> [--json] [--receiver ID] [--sender ID] [--exam CODE]',
  options: {
    json: { type: 'boolean', description: 'print the issues per file as JSON' },
    receiver: { type: 'string', arg: 'ID', description: 'expected GDT-ID of the receiver (8315)' },
    sender: { type: 'string', arg: 'ID', description: 'expected GDT-ID of the sender (8316)' },
    exam: { type: 'string', arg: 'CODE', description: 'expected examination code (8402)' },
  },
  exitCodes: {
    [ExitCode.OK]: 'all files valid (warnings allowed)',
    [ExitCode.FAILURES]: 'at least one file has errors',
    [ExitCode.INPUT]: 'a file is missing or holds nothing GDT-like',
  },
  async run(ctx) {
    if (ctx.positionals.length === 0) {
      throw new AppError('BAD_REQUEST', 'Missing <file.gdt…>');
    }
    const results: { file: string; readable: boolean; valid: boolean; issues: unknown[]; error?: string }[] =
      [];
    let exit: ExitCode = ExitCode.OK;
    for (const name of ctx.positionals) {
      try {
        const file = parseReadable(await readInput(ctx.io, name), name);
        const r = validateGdt(file, {
          expectedReceiver: str(ctx, 'receiver'),
          expectedSender: str(ctx, 'sender'),
          expectedExamination: str(ctx, 'exam'),
          ...(name === '-' ? {} : { attachmentExists: attachmentResolver(resolve(ctx.io.cwd, name)) }),
        });
        const issues = r.issues.map((i) => ({ ...i, message: localise(i.message, i.code, ctx.lang) }));
        results.push({ file: name, readable: true, valid: r.success, issues });
        if (!r.success && exit === ExitCode.OK) {
          exit = ExitCode.FAILURES;
        }
      } catch (e) {
        const err = toAppError(e);
        if (err.code !== 'PARSE_FAILED' && err.code !== 'NOT_FOUND') {
          throw err;
        }
        results.push({ file: name, readable: false, valid: false, issues: [], error: err.message });
        exit = ExitCode.INPUT;
      }
    }
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(results, null, 2));
      return exit;
    }
    const de = ctx.lang === 'de';
    for (const r of results) {
      if (!r.readable) {
        ctx.out(`${r.file}: ${de ? 'nicht lesbar' : 'unreadable'} – ${r.error ?? ''}`);
        continue;
      }
      const issues = r.issues as { path: number[]; code: string; message: string; severity: string }[];
      const errors = issues.filter((i) => i.severity === 'error').length;
      const warnings = issues.filter((i) => i.severity === 'warning').length;
      ctx.out(
        `${r.file}: ${r.valid ? 'OK' : de ? 'FEHLER' : 'INVALID'} (${errors} ${de ? 'Fehler' : 'errors'}, ${warnings} ${de ? 'Warnungen' : 'warnings'})`,
      );
      for (const i of issues) {
        ctx.out(
          problemLine(
            { line: i.path[0] ?? 0, code: i.code, message: i.message, severity: i.severity },
            ctx.lang,
          ),
        );
      }
    }
    return exit;
  },
};

const CHARSETS: readonly GdtCharset[] = ['cp437', 'iso-8859-1', '7bit'];

export const gdtOrderCommand: Command = {
  name: 'gdt order',
  summary: 'Write a 6302 examination order into an exchange folder (atomic, never over an unread file)',
  usage: '--to DIR --receiver ID --sender ID --patient NUMBER [options]',
  options: {
    to: { type: 'string', arg: 'DIR', description: 'exchange folder of the device (its import folder)' },
    receiver: { type: 'string', arg: 'ID', description: 'GDT-ID of the device (8315, ≤ 8 characters)' },
    sender: { type: 'string', arg: 'ID', description: 'GDT-ID of the PVS (8316, ≤ 8 characters)' },
    patient: { type: 'string', arg: 'NUMBER', description: 'patient number (3000)' },
    'last-name': { type: 'string', arg: 'NAME', description: '3101 Name' },
    'first-name': { type: 'string', arg: 'NAME', description: '3102 Vorname' },
    'birth-date': { type: 'string', arg: 'TTMMJJJJ', description: '3103 Geburtsdatum' },
    sex: { type: 'string', arg: '1|2', description: '3110 Geschlecht (1 male, 2 female)' },
    exam: { type: 'string', arg: 'CODE', description: '8402 examination code, e.g. EKG01' },
    charset: { type: 'string', arg: 'CHARSET', description: 'cp437 (default), iso-8859-1 or 7bit' },
    'receiver-short': {
      type: 'string',
      arg: 'ID',
      description: 'Kürzel in the file name (default: first 4 characters of --receiver)',
    },
    'sender-short': {
      type: 'string',
      arg: 'ID',
      description: 'Kürzel in the file name (default: first 4 characters of --sender)',
    },
    counting: {
      type: 'boolean',
      description: 'counting file names .000, .001, … instead of <receiver><sender>.GDT',
    },
    'file-name': {
      type: 'string',
      arg: 'NAME',
      description: 'an explicit file name instead of the convention',
    },
  },
  exitCodes: {
    [ExitCode.OK]: 'order written',
    [ExitCode.FAILURES]: 'an unread file is still waiting (not overwritten)',
    [ExitCode.INPUT]: 'folder missing or a value not representable in the charset',
  },
  async run(ctx) {
    const to = str(ctx, 'to');
    const receiver = str(ctx, 'receiver');
    const sender = str(ctx, 'sender');
    const patient = str(ctx, 'patient');
    if (!to || !receiver || !sender || !patient) {
      throw new AppError('BAD_REQUEST', '--to, --receiver, --sender and --patient are required');
    }
    for (const [k, v] of [
      ['receiver', receiver],
      ['sender', sender],
    ] as const) {
      if (v.length > 8) {
        throw new AppError('BAD_REQUEST', `--${k}: a GDT-ID has at most 8 characters`);
      }
    }
    const charset = (str(ctx, 'charset') ?? 'cp437') as GdtCharset;
    if (!CHARSETS.includes(charset)) {
      throw new AppError('BAD_REQUEST', `--charset: one of ${CHARSETS.join(', ')}`);
    }
    const sex = str(ctx, 'sex');
    if (sex !== undefined && sex !== '1' && sex !== '2') {
      throw new AppError('BAD_REQUEST', '--sex: 1 or 2');
    }
    const record = buildOrder({
      receiverId: receiver,
      senderId: sender,
      patient: {
        number: patient,
        lastName: str(ctx, 'last-name'),
        firstName: str(ctx, 'first-name'),
        birthDate: str(ctx, 'birth-date'),
        sex,
      },
      examination: str(ctx, 'exam'),
      charset,
      software: 'praxisready',
    });
    const fileName = str(ctx, 'file-name');
    let written;
    try {
      written = await writeGdtFile(resolve(ctx.io.cwd, to), record, {
        receiver: str(ctx, 'receiver-short') ?? receiver.slice(0, 4),
        sender: str(ctx, 'sender-short') ?? sender.slice(0, 4),
        mode: ctx.values.counting === true ? 'counting' : 'fixed',
        ...(fileName ? { fileName } : {}),
      });
    } catch (e) {
      if (e instanceof TypeError) {
        throw new AppError('BAD_REQUEST', e.message, { cause: e });
      }
      throw e;
    }
    ctx.out(`${ctx.lang === 'de' ? 'Geschrieben' : 'Written'}: ${written.path} (${written.bytes} Bytes)`);
    return ExitCode.OK;
  },
};

export const gdtWatchCommand: Command = {
  name: 'gdt watch',
  summary: 'Watch an import folder and show each GDT file as it arrives (keeps files unless told otherwise)',
  usage: '<dir> [--once] [--archive DIR | --delete] [--settle MS] [--poll MS] [--duration S] [--json]',
  options: {
    once: { type: 'boolean', description: 'import what is there now, then exit' },
    archive: { type: 'string', arg: 'DIR', description: 'move imported files into DIR' },
    delete: { type: 'boolean', description: 'delete imported files (what a PVS does)' },
    settle: { type: 'string', arg: 'MS', description: 'file size must be stable this long (default 500)' },
    poll: { type: 'string', arg: 'MS', description: 'polling interval for network shares (default 1000)' },
    duration: { type: 'string', arg: 'S', description: 'stop after S seconds (default: until Ctrl+C)' },
    json: { type: 'boolean', description: 'one JSON line per imported file' },
  },
  exitCodes: { [ExitCode.OK]: 'stopped normally', [ExitCode.INPUT]: 'folder missing' },
  async run(ctx) {
    const dir = ctx.positionals[0];
    if (dir === undefined) {
      throw new AppError('BAD_REQUEST', 'Missing <dir>');
    }
    if (ctx.values.delete === true && str(ctx, 'archive') !== undefined) {
      throw new AppError('BAD_REQUEST', '--archive and --delete exclude each other');
    }
    const num = (name: string, fallback: number) => {
      const v = str(ctx, name);
      const n = v === undefined ? fallback : Number(v);
      if (!Number.isFinite(n) || n < 0) {
        throw new AppError('BAD_REQUEST', `--${name}: a number`);
      }
      return n;
    };
    const path = resolve(ctx.io.cwd, dir);
    const { stat } = await import('node:fs/promises');
    await stat(path).catch((e: unknown) => {
      throw new AppError('NOT_FOUND', `Folder not found: ${dir}`, { cause: e });
    });
    const archiveDir = str(ctx, 'archive');
    const watcher = new GdtWatcher(path, {
      settleMs: num('settle', 500),
      pollMs: num('poll', 1000),
      afterImport: ctx.values.delete === true ? 'delete' : archiveDir ? 'archive' : 'keep',
      ...(archiveDir ? { archiveDir: resolve(ctx.io.cwd, archiveDir) } : {}),
      onFile: ({ name, file, bytes }) => {
        const r = file.records[0];
        const summary = {
          name,
          bytes: bytes.length,
          satzart: r?.satzart ?? null,
          records: file.records.length,
          receiver: r?.value('8315') ?? null,
          sender: r?.value('8316') ?? null,
          examination: r?.value('8402') ?? null,
          charset: file.charset,
          problems: file.problems.map((p: GdtProblem) => p.code),
        };
        ctx.out(
          ctx.values.json === true
            ? JSON.stringify(summary)
            : `${new Date().toISOString()} ${name}: ${summary.satzart ?? '----'} ${summary.sender ?? '?'} → ${summary.receiver ?? '?'} ${summary.examination ?? ''} [${summary.charset}] ${summary.problems.length} ${ctx.lang === 'de' ? 'Auffälligkeiten' : 'problems'}`,
        );
      },
      onError: (e, p) => ctx.err(`${p ?? dir}: [${e.code}] ${e.message}`),
    });
    if (ctx.values.once === true) {
      await watcher.drain();
      await watcher.close();
      return ExitCode.OK;
    }
    watcher.start();
    ctx.err(
      `${ctx.lang === 'de' ? 'Beobachte' : 'Watching'} ${path} (${watcher.usesFsWatch ? 'fs.watch + polling' : 'polling'}) …`,
    );
    await new Promise<void>((done) => {
      const stop = () => done();
      const seconds = str(ctx, 'duration');
      if (seconds !== undefined) {
        setTimeout(stop, num('duration', 0) * 1000);
      } else {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
    });
    await watcher.close();
    return ExitCode.OK;
  },
};

export const gdtAuditCommand: Command = {
  name: 'gdt audit',
  summary: 'Audit GDT exchange folders: structure only, never patient data',
  usage: '<dir…> [--json] [--stale S] [--role import|export]',
  options: {
    json: { type: 'boolean', description: 'print the folder audit(s) as JSON (the facts-document shape)' },
    stale: {
      type: 'string',
      arg: 'S',
      description: 'a file older than S seconds counts as stale (default 3600)',
    },
    role: { type: 'string', arg: 'ROLE', description: 'import or export (recorded in the audit)' },
  },
  exitCodes: {
    [ExitCode.OK]: 'folders fine (warnings allowed)',
    [ExitCode.FAILURES]: 'a folder is missing or has files with errors',
  },
  async run(ctx) {
    if (ctx.positionals.length === 0) {
      throw new AppError('BAD_REQUEST', 'Missing <dir>');
    }
    const role = str(ctx, 'role') ?? 'unknown';
    if (role !== 'import' && role !== 'export' && role !== 'unknown') {
      throw new AppError('BAD_REQUEST', '--role: import or export');
    }
    const stale = str(ctx, 'stale');
    if (stale !== undefined && !(Number(stale) >= 0)) {
      throw new AppError('BAD_REQUEST', '--stale: seconds');
    }
    const audits = [];
    for (const dir of ctx.positionals) {
      audits.push(
        await auditGdtFolder(resolve(ctx.io.cwd, dir), {
          role,
          ...(stale !== undefined ? { staleAfterSeconds: Number(stale) } : {}),
        }),
      );
    }
    const failed = audits.some(
      (a) => a.folderProblems.some((p) => p.severity === 'error') || a.counts.filesWithErrors > 0,
    );
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify(audits.length === 1 ? audits[0] : audits, null, 2));
      return failed ? ExitCode.FAILURES : ExitCode.OK;
    }
    const de = ctx.lang === 'de';
    const tally = (t: Record<string, number>) =>
      Object.entries(t)
        .map(([k, v]) => `${k} ×${v}`)
        .join(', ') || '–';
    for (const a of audits) {
      ctx.out(
        `${a.path}: ${a.exists ? (a.isDirectory ? '' : de ? 'kein Verzeichnis' : 'not a folder') : de ? 'FEHLT' : 'MISSING'}`,
      );
      if (!a.readable) {
        for (const p of a.folderProblems) {
          ctx.out(problemLine({ ...p, message: GdtProblemCodes[p.code as GdtProblemCode].en }, ctx.lang));
        }
        continue;
      }
      const c = a.counts;
      ctx.out(
        `  ${de ? 'GDT-Dateien' : 'GDT files'} ${c.gdtFiles} (${de ? 'Sätze' : 'records'} ${c.records}), temp ${c.tempFiles}, ${de ? 'andere' : 'other'} ${c.otherFiles}, ${de ? 'veraltet' : 'stale'} ${c.staleFiles}, ${de ? 'mit Fehlern' : 'with errors'} ${c.filesWithErrors}, ${de ? 'beschreibbar' : 'writable'}: ${a.writable === null ? '?' : a.writable ? (de ? 'ja' : 'yes') : de ? 'nein' : 'no'}`,
      );
      if (a.ages.oldestSeconds !== null) {
        ctx.out(
          `  ${de ? 'Alter' : 'age'}: ${de ? 'älteste' : 'oldest'} ${Math.round(a.ages.oldestSeconds / 60)} min, ${de ? 'neueste' : 'newest'} ${Math.round((a.ages.newestSeconds ?? 0) / 60)} min`,
        );
      }
      ctx.out(`  ${de ? 'Satzarten' : 'record types'}: ${tally(a.recordTypes)}`);
      ctx.out(`  ${de ? 'Versionen' : 'versions'}: ${tally(a.versions)}`);
      ctx.out(
        `  ${de ? 'Zeichensatz angegeben' : 'charset declared'}: ${tally(a.charsets.declared)}; ${de ? 'erkannt' : 'detected'}: ${tally(a.charsets.detected)}`,
      );
      ctx.out(
        `  ${de ? 'Empfänger' : 'receivers'}: ${tally(a.receivers)}; ${de ? 'Sender' : 'senders'}: ${tally(a.senders)}; 8402: ${tally(a.examinationCodes)}`,
      );
      const problems = Object.entries(a.problems);
      for (const p of a.folderProblems) {
        ctx.out(problemLine({ ...p, message: GdtProblemCodes[p.code as GdtProblemCode].en }, ctx.lang));
      }
      for (const [code, p] of problems) {
        const text = GdtProblemCodes[code as GdtProblemCode][ctx.lang];
        ctx.out(`  ${p.severity.padEnd(7)} [${code}] ${text}: ${p.files} ${de ? 'Datei(en)' : 'file(s)'}`);
      }
    }
    return failed ? ExitCode.FAILURES : ExitCode.OK;
  },
};

/** The `gdt` commands, in help order. */
export const gdtCommands: readonly Command[] = [
  gdtInspectCommand,
  gdtValidateCommand,
  gdtOrderCommand,
  gdtWatchCommand,
  gdtAuditCommand,
];
