import type { Command } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { demoCommand } from './commands/demo.ts';
import { gdtCommands } from './commands/gdt.ts';
import { labCommands } from './commands/lab.ts';
import { konnektorInspectCommand } from './commands/konnektor.ts';
import { probeCommand } from './commands/probe.ts';
import { reportCommand } from './commands/report.ts';
import { offerCommand } from './commands/offer.ts';
import { serveCommand } from './commands/serve.ts';
import { dbCommands } from './commands/db.ts';

/**
 * Every command of `praxisready`, in help order. Adding a command = one file in `commands/` and one entry here.
 */
export const commands: readonly Command[] = [
  demoCommand,
  checkCommand,
  ...gdtCommands,
  ...labCommands,
  konnektorInspectCommand,
  probeCommand,
  reportCommand,
  offerCommand,
  serveCommand,
  ...dbCommands,
];
