import type { Evidence, LocalizedText, Machine, Sourced } from '@praxisready/model';
import type { Applicability, CheckContext, Outcome } from './types.ts';

/** German and English text in one call. */
export function t(de: string, en: string): LocalizedText {
  return { de, en };
}

/** Evidence for a sheet path: the value with its source and time when it is a sourced value. */
export function ev(path: string, value: Sourced<unknown> | undefined): Evidence {
  if (value === undefined) {
    return { path, value: null };
  }
  return { path, value: value.value, source: value.source, at: value.at };
}

/** Evidence for a plain (not sourced) value, e.g. a field inside a sourced object. */
export function evRaw(path: string, value: unknown): Evidence {
  return { path, value: value ?? null };
}

export function pass(explanation: LocalizedText, evidence: Evidence[] = [], subject?: string): Outcome {
  return { status: 'pass', explanation, evidence, ...(subject === undefined ? {} : { subject }) };
}

export function fail(
  explanation: LocalizedText,
  evidence: Evidence[] = [],
  subject?: string,
  remediation?: LocalizedText,
): Outcome {
  return {
    status: 'fail',
    explanation,
    evidence,
    ...(subject === undefined ? {} : { subject }),
    ...(remediation ? { remediation } : {}),
  };
}

export function warn(
  explanation: LocalizedText,
  evidence: Evidence[] = [],
  subject?: string,
  remediation?: LocalizedText,
): Outcome {
  return {
    status: 'warn',
    explanation,
    evidence,
    ...(subject === undefined ? {} : { subject }),
    ...(remediation ? { remediation } : {}),
  };
}

/** The data the check needs is missing: not a failure. */
export function unknown(explanation: LocalizedText, evidence: Evidence[] = [], subject?: string): Outcome {
  return { status: 'unknown', explanation, evidence, ...(subject === undefined ? {} : { subject }) };
}

/** Only a person can judge this. */
export function manual(explanation: LocalizedText, evidence: Evidence[] = [], subject?: string): Outcome {
  return { status: 'manual', explanation, evidence, ...(subject === undefined ? {} : { subject }) };
}

export function notApplicable(explanation: LocalizedText, subject?: string): Outcome {
  return {
    status: 'not_applicable',
    explanation,
    evidence: [],
    ...(subject === undefined ? {} : { subject }),
  };
}

/**
 * Standard "value missing" outcome for a sheet path. The text names the value as the sheet labels it (it reaches
 * the report the practice reads); the path stays in the evidence for tools.
 */
export function missing(path: string, what: LocalizedText, subject?: string): Outcome {
  return unknown(t(`Nicht erfasst: ${what.de}.`, `Not recorded: ${what.en}.`), [evRaw(path, null)], subject);
}

const DAY_MS = 86_400_000;

/**
 * Whole calendar days (UTC) from the day of `now` to the day of `date` (an ISO date or timestamp): 0 = today,
 * negative = in the past; NaN if unparsable. Counting days, not hours, keeps "within 90 days" independent of the
 * time of day.
 */
export function daysUntil(date: string, now: Date): number {
  const ms = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(ms)) {
    return Number.NaN;
  }
  const day = (x: number) => Math.floor(x / DAY_MS);
  return day(ms) - day(now.getTime());
}

/** Formats an ISO date as German `TT.MM.JJJJ` (keeps anything else as it is). */
export function deDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/** A human label for a machine: its computer name, else its id. */
export function machineLabel(m: Machine): string {
  return m.computerName?.value ?? m.id;
}

const SERVER_ROLES = new Set(['server', 'terminal_server']);

export function isServer(m: Machine): boolean {
  return SERVER_ROLES.has(m.role.value);
}

/** Machines a person works at: workstations and laptops. */
export function isClient(m: Machine): boolean {
  return !isServer(m);
}

/** `appliesTo` helper: the check applies only when the sheet has machines of the given kind. */
export function whenMachines(pred: (m: Machine) => boolean, what: LocalizedText) {
  return (ctx: CheckContext): Applicability =>
    ctx.sheet.machines.some(pred) ? true : t(`Keine ${what.de} erfasst.`, `No ${what.en} recorded.`);
}

/** Runs `fn` for every machine matching `pred`, with its index for evidence paths. */
export function perMachine(
  ctx: CheckContext,
  pred: (m: Machine) => boolean,
  fn: (m: Machine, path: string) => Outcome,
): Outcome[] {
  const out: Outcome[] = [];
  ctx.sheet.machines.forEach((m, i) => {
    if (pred(m)) {
      out.push({ ...fn(m, `machines[${i}]`), subject: machineLabel(m) });
    }
  });
  return out;
}

/** Parses a dotted version ("4.8.1") into numbers for comparison; non-numeric parts become 0. */
export function versionParts(v: string): number[] {
  return v
    .split(/[.\s-]/)
    .filter((p) => p !== '')
    .map((p) => {
      const n = Number.parseInt(p, 10);
      return Number.isNaN(n) ? 0 : n;
    });
}

/** Compares dotted versions: negative if a < b, 0 if equal, positive if a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}
