// Runs the benchmarks: `npm run bench` runs all, `npm run bench -- gdt` one. Each bench/<name>/index.ts
// prints its own figures. Benchmarks are not tests: they measure and print, CI does not run them.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const names = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'index.ts')))
  .map((d) => d.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n));
let failed = 0;
for (const name of names) {
  console.log(`\n== bench/${name} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, name, 'index.ts')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
