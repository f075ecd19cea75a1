import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import type { AppError } from '@praxisready/model';
import { ExitCode, exitCodeOf, formatPath, toAppError } from '@praxisready/model';
import type { CliIo, Command, CommandContext } from './command.ts';
import { commands } from './registry.ts';

const EXIT_CODE_TEXT: Record<ExitCode, string> = {
  [ExitCode.OK]: 'success; nothing failed',
  [ExitCode.FAILURES]:
    'ran, and the subject has failures (failing checks, Konnektor faults, invalid records)',
  [ExitCode.INPUT]: 'input unusable: invalid or unreadable file, unreachable peer',
  [ExitCode.USAGE]: 'wrong command line',
  [ExitCode.CONFIG]: 'invalid configuration',
  [ExitCode.INTERNAL]: 'internal error (a bug: please report it with the versions printed)',
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function line(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

function topHelp(prefix?: string): string {
  const list = commands.filter((c) => prefix === undefined || c.name.startsWith(`${prefix} `));
  const width = Math.max(...list.map((c) => c.name.length));
  const rows = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  const codes = Object.entries(EXIT_CODE_TEXT).map(([code, text]) => `  ${code.padStart(2)}  ${text}`);
  return [
    `praxisready ${version()} - tech audits of medical practices for Doctolib and a TI-connected PVS`,
    '',
    `Usage: praxisready ${prefix ? `${prefix} ` : ''}<command> [options]    (--help after any command)`,
    '',
    'Commands:',
    ...rows,
    '',
    'Global options:',
    '  --lang de|en   language of human-readable output (default: de, or PRAXISREADY_LANG)',
    '  --help, -h     help for a command',
    '  --version      print the version',
    '',
    'Exit codes:',
    ...codes,
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  const opts = Object.entries(cmd.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    return `  ${flag.padEnd(32)} ${o.description}${o.multiple ? ' (repeatable)' : ''}`;
  });
  const codes = Object.entries({ ...cmd.exitCodes }).map(([c, t]) => `  ${c.padStart(2)}  ${t}`);
  return [
    `Usage: praxisready ${cmd.name} ${cmd.usage}`,
    '',
    cmd.summary,
    ...(cmd.description ? ['', cmd.description] : []),
    '',
    'Options:',
    ...opts,
    '  -h, --help                       this help',
    '',
    'Exit codes:',
    ...codes,
    `  ${ExitCode.USAGE}  wrong command line`,
    `  ${ExitCode.INTERNAL}  internal error`,
  ].join('\n');
}

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const two = argv.slice(0, 2).join(' ');
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) {
    return { cmd: byTwo, rest: argv.slice(2) };
  }
  const byOne = commands.find((c) => c.name === argv[0]);
  if (byOne) {
    return { cmd: byOne, rest: argv.slice(1) };
  }
  return undefined;
}

/** Prints an error for a technician: code, message, issues with paths, hint; never a stack trace. */
export function reportError(io: CliIo, error: AppError): void {
  line(io.stderr, `Fehler [${error.code}]: ${error.message}`);
  for (const issue of error.issues.slice(0, 50)) {
    line(io.stderr, `  - ${formatPath(issue.path)}: ${issue.message}`);
  }
  if (error.issues.length > 50) {
    line(io.stderr, `  … ${error.issues.length - 50} more`);
  }
  if (error.hint) {
    line(io.stderr, `Hinweis: ${error.hint}`);
  }
  if (error.code === 'INTERNAL') {
    line(
      io.stderr,
      `This is a bug in praxisready ${version()} (node ${process.version}, ${process.platform}/${process.arch}); please report it with this output.`,
    );
    if (io.env.PRAXISREADY_DEBUG) {
      line(io.stderr, String((error.cause as Error | undefined)?.stack ?? error.stack));
    }
  }
}

/**
 * The one top-level handler: finds the command, parses its options, runs it and maps every error to an exit code.
 * Returns the exit code; it never calls process.exit.
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let lang: 'de' | 'en' = io.env.PRAXISREADY_LANG === 'en' ? 'en' : 'de';
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      const v = argv[++i];
      if (v !== 'de' && v !== 'en') {
        line(io.stderr, '--lang takes de or en');
        return ExitCode.USAGE;
      }
      lang = v;
    } else if (a.startsWith('--lang=')) {
      const v = a.slice(7);
      if (v !== 'de' && v !== 'en') {
        line(io.stderr, '--lang takes de or en');
        return ExitCode.USAGE;
      }
      lang = v;
    } else {
      args.push(a);
    }
  }

  if (args[0] === '--version' || args[0] === '-v') {
    line(io.stdout, version());
    return ExitCode.OK;
  }
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    line(io.stdout, topHelp());
    return args.length === 0 ? ExitCode.USAGE : ExitCode.OK;
  }
  const found = findCommand(args);
  if (!found) {
    const group = commands.some((c) => c.name.startsWith(`${args[0]} `));
    if (group) {
      const wantsHelp = args[1] === undefined || args[1] === '--help' || args[1] === '-h';
      line(wantsHelp ? io.stdout : io.stderr, topHelp(args[0]));
      return wantsHelp && args[1] !== undefined ? ExitCode.OK : ExitCode.USAGE;
    }
    line(io.stderr, `Unknown command: ${args.slice(0, 2).join(' ')}. See 'praxisready --help'.`);
    return ExitCode.USAGE;
  }
  const { cmd, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    line(io.stdout, commandHelp(cmd));
    return ExitCode.OK;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(cmd.options).map(([k, o]) => [
          k,
          { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    line(io.stderr, `${(e as Error).message}\n\n${commandHelp(cmd)}`);
    return ExitCode.USAGE;
  }
  const ctx: CommandContext = {
    positionals: parsed.positionals,
    values: parsed.values as CommandContext['values'],
    io,
    lang,
    out: (t = '') => line(io.stdout, t),
    err: (t = '') => line(io.stderr, t),
  };
  try {
    return await cmd.run(ctx);
  } catch (e) {
    const error = toAppError(e);
    if (error.code === 'BAD_REQUEST') {
      line(io.stderr, `${error.message}\n\n${commandHelp(cmd)}`);
      return ExitCode.USAGE;
    }
    reportError(io, error);
    return exitCodeOf(error.code);
  }
}
