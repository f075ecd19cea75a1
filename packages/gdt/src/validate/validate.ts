import { fail, ok, type Issue, type Result } from '@praxisready/model';
import { fieldSpec, type FieldSpec } from '../codec/fields.ts';
import {
  GdtSatzarten,
  isKnownSatzart,
  type GdtField,
  type GdtFile,
  type GdtRecord,
} from '../codec/gdt-file.ts';
import { problem, ProblemList, type GdtProblem } from '../problems.ts';
import {
  ExaminationCodeGroups,
  GdtVersions,
  isVersion3,
  rulesFor,
  type SatzartRule,
  type VersionRules,
} from './tables.ts';

export interface ValidateOptions {
  /** The GDT-ID the receiver (8315) should have, from the device configuration. */
  expectedReceiver?: string;
  /** The GDT-ID the sender (8316) should have. */
  expectedSender?: string;
  /** The examination code (8402) configured for the device. */
  expectedExamination?: string;
  /** Tells whether a 6305 file reference exists; without it attachments are not checked. See `attachmentResolver`. */
  attachmentExists?: (reference: string) => boolean;
}

interface RuleContext {
  record: GdtRecord;
  options: ValidateOptions;
  report: (p: GdtProblem) => void;
}

/** A record rule: a named pure function (STYLE.md convention 7); add a rule by adding it to `recordRules`. */
type RecordRule = (ctx: RuleContext) => void;

const DATE = /^(\d{2})(\d{2})(\d{4})$/;
const TIME = /^(\d{2})(\d{2})(\d{2})$/;

function validDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) {
    return false;
  }
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function validTime(v: string): boolean {
  const m = TIME.exec(v);
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3]) < 60;
}

/** Field format checks, driven by the field table – no switch on field ids. Messages never carry values. */
function checkField(field: GdtField, spec: FieldSpec, report: (p: GdtProblem) => void): void {
  const v = field.value;
  if (spec.format === 'date' && !validDate(v)) {
    const looksIso =
      /^(19|20)\d{6}$/.test(v) && validDate(`${v.slice(6, 8)}${v.slice(4, 6)}${v.slice(0, 4)}`);
    report(problem('INVALID_DATE', field.line, `${field.id}${looksIso ? ': looks like JJJJMMTT' : ''}`));
  } else if (spec.format === 'time' && !validTime(v)) {
    report(problem('INVALID_TIME', field.line, field.id));
  } else if (spec.format === 'num' && !/^\d+$/.test(v.trim())) {
    report(problem('INVALID_NUMBER', field.line, field.id));
  } else if (spec.values && !spec.values.includes(v)) {
    report(problem('INVALID_VALUE', field.line, field.id));
  }
  const max = spec.max ?? spec.len;
  // String length = characters for GDT text (all single-byte charsets map into the BMP).
  if (max !== undefined && v.length > max) {
    report(problem('FIELD_TOO_LONG', field.line, `${field.id}: ${v.length} > ${max}`));
  }
}

const fieldFormats: RecordRule = ({ record, report }) => {
  for (const f of record.fields) {
    const spec = fieldSpec(f.id);
    if (spec) {
      checkField(f, spec, report);
    }
  }
};

const allowedCache = new WeakMap<SatzartRule, Set<string>>();

/** Every field a record type may have (header + M + K), computed once per table entry. */
function allowedFields(rules: VersionRules, rule: SatzartRule): Set<string> {
  let set = allowedCache.get(rule);
  if (!set) {
    set = new Set([
      ...rules.header,
      ...rules.headerOptional,
      ...rule.mandatory,
      ...(rule.warn ?? []),
      ...rule.optional,
    ]);
    allowedCache.set(rule, set);
  }
  return set;
}

const mandatoryFields: RecordRule = ({ record, report }) => {
  const satzart = record.satzart;
  if (!isKnownSatzart(satzart)) {
    return;
  }
  const rules = rulesFor(record.version);
  const rule = rules.satzarten[satzart];
  const present = new Set(record.fields.map((f) => f.id));
  if (!rule) {
    report(problem('SATZART_NOT_IN_VERSION', record.line, `${satzart} since ${GdtSatzarten[satzart].since}`));
    return;
  }
  for (const id of [...rules.header, ...rule.mandatory]) {
    if (!present.has(id)) {
      report(problem(id === '9218' ? 'MISSING_VERSION' : 'MISSING_FIELD', record.line, id));
    }
  }
  for (const id of rule.warn ?? []) {
    if (!present.has(id)) {
      report({ ...problem('MISSING_FIELD', record.line, id), severity: 'warning' });
    }
  }
  const allowed = allowedFields(rules, rule);
  const v3 = isVersion3(record.version);
  for (const f of record.fields) {
    const spec = fieldSpec(f.id);
    if (!spec) {
      report(problem('UNKNOWN_FIELD', f.line, f.id));
    } else if (!allowed.has(f.id) || (spec.v3 === true && !v3)) {
      report(problem('FIELD_NOT_EXPECTED', f.line, `${f.id} in ${satzart}`));
    }
  }
};

const duplicates: RecordRule = ({ record, report }) => {
  const seen = new Set<string>();
  for (const f of record.fields) {
    const spec = fieldSpec(f.id);
    if (spec && spec.repeatable !== true && seen.has(f.id)) {
      report(problem('DUPLICATE_FIELD', f.line, f.id));
    }
    seen.add(f.id);
  }
};

const version: RecordRule = ({ record, report }) => {
  const f = record.get('9218');
  if (f && ![...GdtVersions.v21, ...GdtVersions.v30].includes(f.value.trim() as never)) {
    report(problem('UNKNOWN_VERSION', f.line));
  }
};

const roles: RecordRule = ({ record, options, report }) => {
  const receiver = record.get('8315');
  const sender = record.get('8316');
  if (receiver && sender && receiver.value.trim() !== '' && receiver.value.trim() === sender.value.trim()) {
    report(problem('SENDER_EQUALS_RECEIVER', receiver.line));
  }
  const { expectedReceiver: er, expectedSender: es } = options;
  if (er === undefined && es === undefined) {
    return;
  }
  const r = receiver?.value.trim();
  const s = sender?.value.trim();
  const line = receiver?.line ?? sender?.line ?? record.line;
  if (er !== undefined && es !== undefined && r === es && s === er && er !== es) {
    report(problem('ROLES_SWAPPED', line));
  } else if ((er !== undefined && r !== er) || (es !== undefined && s !== es)) {
    report(problem('ROLE_MISMATCH', line, `${er !== undefined && r !== er ? '8315' : '8316'}`));
  }
};

const examinationCode: RecordRule = ({ record, options, report }) => {
  const f = record.get('8402');
  if (!f) {
    return;
  }
  const code = f.value.trim();
  const m = /^([A-ZÄÖÜ]{1,4})(\d{2})$/.exec(code);
  if (!m) {
    report(problem('EXAMINATION_CODE_FORMAT', f.line));
  } else if (!(ExaminationCodeGroups as readonly string[]).includes(m[1]!)) {
    report(problem('EXAMINATION_CODE_UNKNOWN', f.line));
  }
  if (options.expectedExamination !== undefined && code !== options.expectedExamination.trim()) {
    report(problem('EXAMINATION_CODE_MISMATCH', f.line));
  }
};

/** 6302 starts an attachment group; 6303/6304/6305 follow (gdt.md §4, S4 treats them as a group). */
const attachments: RecordRule = ({ record, options, report }) => {
  let group: { start: GdtField; ref?: GdtField } | undefined;
  const close = () => {
    if (group && !group.ref) {
      report(problem('ATTACHMENT_INCOMPLETE', group.start.line));
    }
  };
  for (const f of record.fields) {
    if (f.id === '6302') {
      close();
      group = { start: f };
    } else if (f.id === '6305') {
      if (group) {
        group.ref = f;
      }
      if (options.attachmentExists && !options.attachmentExists(f.value.trim())) {
        report(problem('ATTACHMENT_MISSING', f.line));
      }
    }
  }
  close();
};

/** Record rules in the order they report; each entry is one named check. */
export const recordRules: readonly RecordRule[] = [
  mandatoryFields,
  version,
  fieldFormats,
  duplicates,
  roles,
  examinationCode,
  attachments,
];

/** Runs the record rules and returns the problems (parser problems not included). */
export function validateRecords(file: GdtFile, options: ValidateOptions = {}): GdtProblem[] {
  const out = new ProblemList();
  // Records without 8000 still get the field checks; rules that need the record type skip them themselves.
  for (const record of file.records) {
    for (const rule of recordRules) {
      rule({ record, options, report: (p) => out.push(p) });
    }
  }
  return out.done();
}

/** A problem as a model Issue: path is the line number (line-based format). */
export function toIssue(p: GdtProblem): Issue {
  return { code: p.code, path: [p.line], message: p.message, severity: p.severity };
}

/**
 * Validates a parsed file: parser problems plus the record rules (mandatory/optional fields per record type and
 * version, formats, roles, 8402, attachments). Fails when any issue is an error; warnings ride along.
 */
export function validateGdt(file: GdtFile, options: ValidateOptions = {}): Result<GdtFile> {
  const problems = [...file.problems, ...validateRecords(file, options)].sort((a, b) => a.line - b.line);
  const issues = problems.map(toIssue);
  return issues.some((i) => i.severity === 'error') ? fail(issues) : ok(file, issues);
}
