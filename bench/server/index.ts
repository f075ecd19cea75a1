// Server benchmark: seeds 10,000 cases and 200,000 findings (plus follow-ups, appointments and assignments the
// board computes per card), then measures the board and the German search at 50 concurrent clients with
// autocannon, on PGlite and on PostgreSQL, each against a bare Hono hello-world of the same framework measured
// right before it. Loopback only. Targets: p95 ≤ 50 ms, throughput ≥ 25 % of hello-world.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, pgliteDirOf } from '@praxisready/server';
import { BENCH_ADMIN, seed } from './seed.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const BIN = fileURLToPath(new URL('../../packages/cli/bin/praxisready.js', import.meta.url));
const PG_ADMIN = process.env.PRAXISREADY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
/** What every browser (the web UI's fetch) sends; the hello-world gets it too. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

function waitListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)\s/.exec(out);
      if (m) {
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Figures {
  name: string;
  p95: number;
  p975: number;
  rps: number;
  /** hello-world req/s measured right before this run (same load on the shared machine). */
  helloRps: number;
  errors: number;
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
  paths: string[] = [''],
): Promise<Figures> {
  // Warm-up (not measured): first queries load pages and plans, and the JIT compiles the request path; the
  // figures are for a running server, so each measurement follows 1 s of the same load.
  for (const p of paths) {
    await (await fetch(`${url}${p}`, { headers })).arrayBuffer();
  }
  const load = {
    url,
    connections: CONNECTIONS,
    headers,
    ...(paths.length > 0 ? { requests: paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
  };
  await autocannon({ ...load, duration: 1 });
  // autocannon's summary has no p95: it is computed from every response time of the measured run
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ ...load, duration: DURATION_S }, (err, result) =>
      err ? reject(err as Error) : resolve(result),
    );
    run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? NaN;
  return {
    name,
    p95,
    p975: r.latency.p97_5,
    rps: r.requests.average,
    helloRps: NaN,
    errors: r.errors + r.non2xx,
  };
}

/** The hello-world server; each run is paired with a hello-world run just before it. */
let helloUrl = '';

async function measurePaired(
  name: string,
  url: string,
  headers: Record<string, string>,
  paths: string[],
): Promise<Figures> {
  // Other work on this machine changes the load from minute to minute: the share is taken against a
  // hello-world measured right before, not against one figure from the start of the run.
  const hello = await measure('hello-world', helloUrl, BROWSER, ['/']);
  return { ...(await measure(name, url, headers, paths)), helloRps: hello.rps };
}

async function serverRun(label: string, env: Record<string, string>, results: Figures[]): Promise<void> {
  for (const cacheMs of ['1000', '0']) {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, ...env, PRAXISREADY_JOBS: 'off', PRAXISREADY_BOARD_CACHE_MS: cacheMs },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const base = await waitListening(child);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: env.PRAXISREADY_ADMIN_EMAIL,
          password: env.PRAXISREADY_ADMIN_PASSWORD,
        }),
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { ...BROWSER, authorization: `Bearer ${token}` };
      const tag = `${label}, cache ${cacheMs === '0' ? 'off' : 'on'}`;
      if (cacheMs !== '0') {
        // the same without compression (a client that sends no Accept-Encoding): ~40 kB per response
        const { authorization } = headers;
        results.push(
          await measurePaired(`board  (${tag}, no gzip)`, base, { authorization }, ['/api/board']),
        );
      }
      results.push(await measurePaired(`board  (${tag})`, base, headers, ['/api/board']));
      results.push(
        await measurePaired(`search (${tag})`, `${base}`, headers, [
          '/api/search?q=Zertifikat',
          '/api/search?q=Drucker',
          '/api/search?q=Datensicherung',
          '/api/search?q=Muster%2042',
        ]),
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

const machine = () =>
  `${new Date().toISOString()}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

async function main(): Promise<void> {
  const results: Figures[] = [];
  const started = machine();
  const admin = {
    PRAXISREADY_ADMIN_EMAIL: BENCH_ADMIN.email,
    PRAXISREADY_ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
  const masterKey = randomBytes(32).toString('base64');

  // bare Hono hello-world, same framework and node-server, own process
  const hello = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { Hono } from 'hono'; import { serve } from '@hono/node-server';
       const app = new Hono(); app.get('/', (c) => c.json({ hello: 'world' }));
       serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (i) => console.log('listening on http://127.0.0.1:' + i.port));`,
    ],
    {
      cwd: fileURLToPath(new URL('../../packages/server/', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  helloUrl = await waitListening(hello);
  const helloFig = { ...(await measure('hello-world (Hono), first', helloUrl, BROWSER, ['/'])) };
  helloFig.helloRps = helloFig.rps;
  results.push(helloFig);

  const dir = await mkdtemp(join(tmpdir(), 'praxisready-bench-'));
  try {
    console.log('PGlite:');
    const lite = await openDatabase({ pgliteDir: pgliteDirOf(dir) });
    await seed(lite);
    await lite.close();
    await serverRun(
      'PGlite',
      { ...admin, PRAXISREADY_MASTER_KEY: masterKey, PRAXISREADY_DATA_DIR: dir },
      results,
    );

    console.log('PostgreSQL:');
    const name = `praxisready_bench_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_ADMIN });
    await c.connect();
    await c.query(`create database "${name}"`);
    await c.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    try {
      const pgdb = await openDatabase({ databaseUrl: u.toString() });
      await seed(pgdb);
      await pgdb.close();
      await serverRun(
        'PostgreSQL',
        {
          ...admin,
          PRAXISREADY_MASTER_KEY: masterKey,
          DATABASE_URL: u.toString(),
          PRAXISREADY_DATA_DIR: dir,
        },
        results,
      );
    } finally {
      const d = new pg.Client({ connectionString: PG_ADMIN });
      await d.connect();
      await d.query(`drop database if exists "${name}" with (force)`);
      await d.end();
    }
  } finally {
    hello.kill();
    await rm(dir, { recursive: true, force: true });
  }

  console.log(`\nstarted ${started}; ended ${machine()}`);
  console.log(
    `${CONNECTIONS} connections, ${DURATION_S} s each; targets p95 ≤ 50 ms, ≥ 25 % of the hello-world measured just before`,
  );
  console.log(
    'run'.padEnd(44),
    'p95 ms'.padStart(8),
    'p97.5 ms'.padStart(8),
    'req/s'.padStart(9),
    'hello/s'.padStart(8),
    '% hello'.padStart(8),
    'errors'.padStart(7),
    ' target',
  );
  for (const r of results) {
    const share = (100 * r.rps) / r.helloRps;
    const meets = r === helloFig ? '' : r.p95 <= 50 && share >= 25 ? ' ok' : ' MISSED';
    console.log(
      r.name.padEnd(44),
      r.p95.toFixed(1).padStart(8),
      r.p975.toFixed(1).padStart(8),
      r.rps.toFixed(0).padStart(9),
      r.helloRps.toFixed(0).padStart(8),
      share.toFixed(1).padStart(8),
      String(r.errors).padStart(7),
      meets,
    );
  }
}

await main();
