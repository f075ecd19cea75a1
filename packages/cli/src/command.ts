import type { ExitCode } from '@praxisready/model';

/** One option of a command, in `util.parseArgs` terms plus a description for `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  description: string;
  /** Placeholder shown in help, e.g. `DIR`. */
  arg?: string;
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  io: CliIo;
  lang: 'de' | 'en';
  /** Writes a line to stdout. */
  out: (line?: string) => void;
  /** Writes a line to stderr (progress, warnings). */
  err: (line?: string) => void;
}

/**
 * A CLI command, declared as data: the top-level handler parses options, prints help and maps errors.
 * `name` has one or two words (`check`, `gdt inspect`).
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage after the command name, e.g. `<file.json> [--json]`. */
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  /** Meaning of the exit codes for this command. */
  exitCodes: Partial<Record<ExitCode, string>>;
  run(ctx: CommandContext): Promise<ExitCode>;
}
