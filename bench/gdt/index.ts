// GDT benchmark: parse throughput (MB/s) on a generated corpus and the folder audit of 10,000 files.
// Targets (issue 3): parse ≥ 50 MB/s, audit of 10,000 files ≤ 3 s. Run: `npm run bench -- gdt`.
// Both wall-clock and CPU-time figures are printed: on a shared machine the wall clock also measures the others.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditGdtFolder, parseGdt, validateGdt } from '../../packages/gdt/src/index.ts';
import { sampleRecord } from './corpus.ts';

function measure(label: string, bytes: number, rounds: number, fn: () => void): void {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    bestWall = Math.min(bestWall, wall);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  const mb = bytes / 1e6;
  console.log(
    `${label.padEnd(28)} ${(mb / bestWall).toFixed(1).padStart(7)} MB/s wall   ${(mb / bestCpu).toFixed(1).padStart(7)} MB/s cpu   (${mb.toFixed(2)} MB, best of ${rounds})`,
  );
}

const FILES = 10_000;
const corpus = Array.from({ length: FILES }, (_, i) => sampleRecord(i).serialize());
const total = corpus.reduce((s, b) => s + b.length, 0);
const lines = corpus.reduce((s, b) => s + b.toString('latin1').split('\r\n').length - 1, 0);
console.log(
  `corpus: ${FILES} files, ${(total / 1e6).toFixed(2)} MB, ${lines} lines (avg ${(total / lines).toFixed(1)} bytes)`,
);

// Warm-up so the JIT has compiled the parser before we measure.
for (const b of corpus.slice(0, 2000)) {
  parseGdt(b);
}
measure('parse (per file)', total, 5, () => {
  for (const b of corpus) {
    parseGdt(b);
  }
});
const big = Buffer.concat(corpus);
measure('parse (one 10 MB file)', big.length, 5, () => {
  parseGdt(big);
});
measure('parse + validate', total, 3, () => {
  for (const b of corpus) {
    validateGdt(parseGdt(b));
  }
});

const dir = mkdtempSync(join(tmpdir(), 'gdt-bench-'));
try {
  corpus.forEach((b, i) =>
    writeFileSync(
      join(
        dir,
        `PRAXEKG1.${String(i % 1000).padStart(3, '0')}${i >= 1000 ? `_${Math.floor(i / 1000)}.gdt` : ''}`,
      ),
      b,
    ),
  );
  for (let run = 1; run <= 3; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const audit = await auditGdtFolder(dir);
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    console.log(
      `folder audit, ${audit.counts.gdtFiles} files      ${wall.toFixed(2).padStart(7)} s wall      ${((c.user + c.system) / 1e6).toFixed(2).padStart(7)} s cpu     (run ${run}; ${audit.counts.records} records, ${Object.keys(audit.problems).length} problem codes)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('targets: parse ≥ 50 MB/s, folder audit of 10,000 files ≤ 3 s');
