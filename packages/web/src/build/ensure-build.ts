import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** packages/web of this checkout. */
export const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export type WebBuild =
  { status: 'ready'; dir: string; built: boolean } | { status: 'unavailable'; reason: string };

/**
 * The web UI as static files for the server (node side; used by `praxisready demo` and the e2e test). Builds `packages/web/dist` with Vite when it is missing or older
 * than the sources, so `npm start` on a fresh clone shows the current UI. Without Vite (an install without dev
 * dependencies) an existing build is used, and without one the demo runs with the API only.
 */
export async function ensureWebBuild(): Promise<WebBuild> {
  const dist = join(WEB_ROOT, 'dist');
  const index = join(dist, 'index.html');
  const sources = [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html')].filter((p) => existsSync(p));
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh) {
    return { status: 'ready', dir: dist, built: false };
  }
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    return existsSync(index)
      ? { status: 'ready', dir: dist, built: false }
      : { status: 'unavailable', reason: 'no web build and Vite is not installed (npm ci installs it)' };
  }
  try {
    await run(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: WEB_ROOT, timeout: 180_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return {
      status: 'unavailable',
      reason: `web build failed: ${(e.stderr ?? e.message).trim().slice(0, 400)}`,
    };
  }
  return { status: 'ready', dir: dist, built: true };
}
