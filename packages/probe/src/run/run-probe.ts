import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import {
  AppError,
  FACTS_KIND,
  FACTS_SCHEMA_VERSION,
  FactsDocumentSchema,
  toAppError,
  type CollectorStatus,
  type FactsDocument,
} from '@praxisready/model';
import type { Collector, CollectorResult, FactsPatch, ProbeContext } from '../collector.ts';
import { COLLECTORS } from '../collectors.ts';
import { assertAllowed, tcpConnect, type TcpState } from '../net/tcp.ts';
import type { ProbeOptions } from '../options.ts';
import { PROBE_VERSION } from '../version.ts';
import { execProgram, parsePowershellJson, powershellArgs } from './exec.ts';

/** One finished collector, as the summary and the facts document see it. */
export interface CollectorRun {
  id: string;
  title: string;
  status: CollectorStatus;
  durationMs: number;
  message?: string;
}

export interface RunProbeHooks {
  /** Receives German progress lines, one per finished collector. */
  onProgress?: (line: string) => void;
  /** Replaces the collector list (tests). */
  collectors?: readonly Collector[];
  platform?: NodeJS.Platform;
  exec?: ProbeContext['exec'];
  now?: () => Date;
}

export interface ProbeRunResult {
  facts: FactsDocument;
  runs: CollectorRun[];
}

export const DEFAULT_BUDGET_MS = 30_000;

/** German labels of the collector states for progress and summary. */
export const STATUS_LABELS_DE: Record<CollectorStatus, string> = {
  ok: 'ok',
  partial: 'teilweise',
  not_applicable: 'nicht anwendbar',
  failed: 'fehlgeschlagen',
  timeout: 'Zeitüberschreitung',
  skipped: 'übersprungen',
};

/** Merges a collector's patch into the document: objects key by key, lists appended. */
export function mergePatch(doc: FactsDocument, patch: FactsPatch): void {
  const target = doc as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      continue;
    }
    const current = target[key];
    if (Array.isArray(value)) {
      target[key] = [...(Array.isArray(current) ? (current as unknown[]) : []), ...(value as unknown[])];
    } else if (
      value !== null &&
      typeof value === 'object' &&
      current !== null &&
      typeof current === 'object'
    ) {
      target[key] = { ...current, ...value };
    } else {
      target[key] = value;
    }
  }
}

function selected(
  collectors: readonly Collector[],
  options: ProbeOptions,
): { run: Collector[]; skipped: Collector[] } {
  const run: Collector[] = [];
  const skipped: Collector[] = [];
  for (const c of collectors) {
    const inOnly = !options.only || options.only.some((o) => c.id === o || c.id.startsWith(`${o}.`));
    const inSkip = options.skip?.some((o) => c.id === o || c.id.startsWith(`${o}.`)) ?? false;
    (inOnly && !inSkip ? run : skipped).push(c);
  }
  return { run, skipped };
}

/**
 * Runs the collectors concurrently, each with its own timeout and all within the overall budget, and assembles
 * a facts document that validates against the model's schema. Read-only: collectors only read files, run query
 * programs and open TCP connections without sending payload (Konnektor and IPP queries excepted).
 */
export async function runProbe(options: ProbeOptions, hooks: RunProbeHooks = {}): Promise<ProbeRunResult> {
  const now = hooks.now ?? (() => new Date());
  const platform = hooks.platform ?? process.platform;
  const all = hooks.collectors ?? COLLECTORS;
  const { run, skipped } = selected(all, options);
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const overall = new AbortController();
  // Two listeners per collector (its own abort and its timeout race) on the one budget signal.
  setMaxListeners(2 * all.length + 10, overall.signal);
  const budgetTimer = setTimeout(() => overall.abort(), budgetMs);
  const doc: FactsDocument = {
    kind: FACTS_KIND,
    schemaVersion: FACTS_SCHEMA_VERSION,
    documentId: randomUUID(),
    collectedAt: now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    probe: { version: PROBE_VERSION, platform, arch: process.arch },
    ...(options.caseId ? { caseId: options.caseId } : {}),
    collectors: [],
  };
  const exec = hooks.exec ?? ((file, args, timeoutMs) => execProgram(file, args, timeoutMs, overall.signal));
  const pending = new Map<string, Promise<CollectorResult | undefined>>();
  const runs: CollectorRun[] = [];
  let finished = 0;
  const total = run.length;

  const report = (c: Collector, status: CollectorStatus, durationMs: number, message?: string) => {
    finished++;
    runs.push({ id: c.id, title: c.title, status, durationMs, ...(message ? { message } : {}) });
    const width = String(total).length;
    hooks.onProgress?.(
      `[${String(finished).padStart(width)}/${total}] ${c.title} (${c.id}): ${STATUS_LABELS_DE[status]}, ${durationMs} ms${message ? ` – ${message}` : ''}`,
    );
  };

  const runOne = async (c: Collector): Promise<CollectorResult | undefined> => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (!c.platforms.includes(platform as never)) {
      const result: CollectorResult = {
        status: 'not_applicable',
        message: `nur unter ${c.platforms.map((p) => PLATFORM_NAMES[p]).join(', ')}`,
      };
      report(c, result.status, 0, result.message);
      return result;
    }
    const own = new AbortController();
    const onOverall = () => own.abort();
    overall.signal.addEventListener('abort', onOverall, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        own.abort();
        resolve('timeout');
      }, c.timeoutMs);
      overall.signal.addEventListener('abort', () => resolve('timeout'), { once: true });
    });
    const ctx: ProbeContext = {
      options,
      platform,
      signal: own.signal,
      policy: options.policy,
      exec: (file, args, timeoutMs) => exec(file, args, Math.min(timeoutMs, c.timeoutMs)),
      powershell: async (script, timeoutMs = c.timeoutMs) => {
        const r = await exec('powershell.exe', powershellArgs(script), timeoutMs);
        return parsePowershellJson(r.stdout);
      },
      tcp: (host: string, port: number, timeoutMs = 1500): Promise<TcpState> => {
        const address = options.hosts?.[host] ?? options.hosts?.[host.toUpperCase()] ?? host;
        assertAllowed(options.policy, address);
        return tcpConnect(address, port, timeoutMs);
      },
      resultOf: (id) => pending.get(id) ?? Promise.resolve(undefined),
    };
    try {
      const outcome = await Promise.race([c.collect(ctx), timedOut]);
      if (outcome === 'timeout') {
        const why = overall.signal.aborted
          ? `Gesamtzeit von ${budgetMs} ms überschritten`
          : `keine Antwort in ${c.timeoutMs} ms`;
        report(c, 'timeout', elapsed(), why);
        return undefined;
      }
      if (outcome.facts) {
        mergePatch(doc, outcome.facts);
      }
      report(c, outcome.status, elapsed(), outcome.message);
      return outcome;
    } catch (e) {
      const err = toAppError(e);
      const status: CollectorStatus =
        err.code === 'NOT_SUPPORTED' ? 'not_applicable' : err.code === 'TIMEOUT' ? 'timeout' : 'failed';
      report(c, status, elapsed(), err.hint ?? err.message);
      return { status: status === 'timeout' ? 'failed' : status, message: err.message };
    } finally {
      clearTimeout(timer);
      overall.signal.removeEventListener('abort', onOverall);
    }
  };

  for (const c of run) {
    pending.set(c.id, runOne(c));
  }
  await Promise.all(pending.values());
  clearTimeout(budgetTimer);
  for (const c of skipped) {
    runs.push({
      id: c.id,
      title: c.title,
      status: 'skipped',
      durationMs: 0,
      message: 'per Option abgewählt',
    });
  }
  // Collector runs in list order, so the document does not depend on finishing order.
  const order = new Map(all.map((c, i) => [c.id, i]));
  runs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  doc.collectors = runs.map(({ id, status, durationMs, message }) => ({
    id,
    status,
    durationMs,
    ...(message ? { message: message.slice(0, 1000) } : {}),
  }));
  const parsed = FactsDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new AppError('INTERNAL', 'The probe assembled an invalid facts document', {
      issues: parsed.error.issues.map((i) => ({
        code: i.code,
        path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: i.message,
        severity: 'error' as const,
      })),
    });
  }
  return { facts: parsed.data, runs };
}

const PLATFORM_NAMES: Record<string, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };
