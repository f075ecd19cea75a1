import { runCli } from './cli.ts';

// A closed pipe (`praxisready … | head`) is not an error of ours: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      throw e;
    }
  });
}

// The only place that touches process state: exit code is set, never process.exit(), so output flushes.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
