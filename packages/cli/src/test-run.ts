import { PassThrough, Readable } from 'node:stream';
import { runCli } from './cli.ts';

/** Runs the CLI in-process and captures its output. */
export async function run(argv: string[], stdin: string | Buffer = '', cwd = process.cwd()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Readable.from([stdin]),
    env: {},
    cwd,
  });
  return { code, out, err };
}
