import { watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { toAppError, type AppError } from '@praxisready/model';
import { GdtFile, type ParseOptions } from '../codec/gdt-file.ts';
import { isGdtFileName } from './names.ts';

/** One imported file, handed to `onFile`. */
export interface GdtImport {
  path: string;
  name: string;
  bytes: Buffer;
  file: GdtFile;
}

export interface GdtWatcherOptions {
  /** Called once per settled file; when it throws, the file stays and is retried only after it changes. */
  onFile: (imported: GdtImport) => void | Promise<void>;
  /** Errors of the handler or the file system (never thrown out of the watcher). */
  onError?: (error: AppError, path?: string) => void;
  /** What to do after a successful import: delete (the spec's "receiver deletes"), archive, or keep. */
  afterImport?: 'delete' | 'archive' | 'keep';
  /** Archive folder; default `<dir>/archiv`. */
  archiveDir?: string;
  /** How long size and mtime must stay unchanged before a file is read (ms). Default 500. */
  settleMs?: number;
  /** Polling interval (ms); polling always runs because change events are unreliable on network shares. */
  pollMs?: number;
  /** Use fs.watch events in addition to polling (default true; falls back to polling alone on error). */
  useFsWatch?: boolean;
  /** Which names to import; default `*.gdt` and `*.000`–`*.999`, case-insensitive. */
  match?: (name: string) => boolean;
  parse?: ParseOptions;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

/**
 * Watches an import folder robustly (gdt.md §8.3): fs.watch events plus polling, a size/mtime settle wait so a
 * file still being written is never read, oldest file first, each file handled once, then deleted, archived or
 * kept. Call `close()` to stop; it waits for a running import.
 */
export class GdtWatcher {
  private readonly seen = new Map<string, Seen>();
  private readonly done = new Set<string>();
  private fsWatcher: FSWatcher | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private started = false;
  /** Scans run one after the other, whoever triggers them (events, poll, settle timer, drain). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly settleMs: number;
  private readonly pollMs: number;

  constructor(
    readonly dir: string,
    private readonly options: GdtWatcherOptions,
  ) {
    this.settleMs = options.settleMs ?? 500;
    this.pollMs = options.pollMs ?? 1000;
  }

  /** Starts watching; the first scan runs at once. */
  start(): this {
    this.started = true;
    if (this.options.useFsWatch !== false) {
      try {
        this.fsWatcher = watch(this.dir, { persistent: true }, () => this.trigger());
        this.fsWatcher.on('error', () => {
          // Network shares and some file systems drop the watcher: polling carries on alone.
          this.fsWatcher?.close();
          this.fsWatcher = undefined;
        });
      } catch {
        this.fsWatcher = undefined;
      }
    }
    this.pollTimer = setInterval(() => this.trigger(), this.pollMs);
    this.trigger();
    return this;
  }

  /** True while fs.watch events are used (false = polling only). */
  get usesFsWatch(): boolean {
    return this.fsWatcher !== undefined;
  }

  /**
   * Imports everything that is there now: scans, waits the settle time, scans again. For one-shot use
   * (`praxisready gdt watch --once`) without start().
   */
  async drain(): Promise<void> {
    await this.scan();
    await new Promise((r) => setTimeout(r, this.settleMs + 10));
    await this.scan();
  }

  /** Stops watching and waits for an import in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.fsWatcher?.close();
    this.fsWatcher = undefined;
    clearInterval(this.pollTimer);
    clearTimeout(this.settleTimer);
    await this.running;
  }

  private trigger(): void {
    if (this.closed) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.scan()
      .then(() => undefined)
      .catch((e: unknown) => this.options.onError?.(toAppError(e)))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.trigger();
        }
      });
  }

  /** One pass: imports every settled file, oldest first; returns how many were imported. */
  scan(): Promise<number> {
    const next = this.queue.then(() => this.scanOnce());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async scanOnce(): Promise<number> {
    const match = this.options.match ?? isGdtFileName;
    const now = Date.now();
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter(match);
    } catch (e) {
      this.options.onError?.(toAppError(e), this.dir);
      return 0;
    }
    const ready: { name: string; mtimeMs: number; key: string }[] = [];
    let pending = false;
    for (const name of names) {
      const path = join(this.dir, name);
      let st;
      try {
        st = await stat(path);
      } catch {
        continue;
      }
      if (!st.isFile()) {
        continue;
      }
      const key = `${name}\0${st.size}\0${st.mtimeMs}`;
      if (this.done.has(key)) {
        continue;
      }
      const prev = this.seen.get(name);
      if (!prev || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
        this.seen.set(name, { size: st.size, mtimeMs: st.mtimeMs, since: now });
        pending = true;
      } else if (now - prev.since >= this.settleMs) {
        ready.push({ name, mtimeMs: st.mtimeMs, key });
      } else {
        pending = true;
      }
    }
    for (const name of this.seen.keys()) {
      if (!names.includes(name)) {
        this.seen.delete(name);
      }
    }
    ready.sort((a, b) => a.mtimeMs - b.mtimeMs);
    let imported = 0;
    for (const r of ready) {
      if (this.closed) {
        break;
      }
      if (await this.importOne(r.name, r.key)) {
        imported++;
      }
    }
    if (pending && this.started && !this.closed) {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.trigger(), this.settleMs + 10);
    }
    return imported;
  }

  private async importOne(name: string, key: string): Promise<boolean> {
    const path = join(this.dir, name);
    try {
      const bytes = await readFile(path);
      const file = GdtFile.parse(bytes, this.options.parse);
      await this.options.onFile({ path, name, bytes, file });
    } catch (e) {
      // Leave the file; retry only when it changes (key includes size and mtime).
      this.done.add(key);
      this.options.onError?.(toAppError(e), path);
      return false;
    }
    this.done.add(key);
    this.seen.delete(name);
    try {
      await this.afterImport(path, name);
    } catch (e) {
      this.options.onError?.(toAppError(e), path);
    }
    return true;
  }

  private async afterImport(path: string, name: string): Promise<void> {
    const mode = this.options.afterImport ?? 'delete';
    if (mode === 'keep') {
      return;
    }
    if (mode === 'delete') {
      await unlink(path);
      return;
    }
    const archive = this.options.archiveDir ?? join(this.dir, 'archiv');
    await mkdir(archive, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const ext = extname(name);
    const target = join(
      archive,
      `${basename(name, ext)}_${stamp}_${Math.random().toString(36).slice(2, 6)}${ext}`,
    );
    try {
      await rename(path, target);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EXDEV') {
        throw e;
      }
      await copyFile(path, target);
      await unlink(path);
    }
  }
}
