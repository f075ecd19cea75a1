/** Severity of a validation issue. Warnings sit beside errors; only errors make a result fail. */
export const IssueSeverity = { error: 'error', warning: 'warning', info: 'info' } as const;
export type IssueSeverity = keyof typeof IssueSeverity;

/** One problem found by a validator: a code, where it is, and what is wrong. */
export interface Issue {
  code: string;
  /** JSON path segments (or line numbers for line-based formats). */
  path: (string | number)[];
  message: string;
  severity: IssueSeverity;
}

/** What every validator returns: the data, or the issues. Never throws for bad input. */
export type Result<T> = { success: true; data: T; issues: Issue[] } | { success: false; issues: Issue[] };

/** A successful result, optionally with warnings. */
export function ok<T>(data: T, issues: Issue[] = []): Result<T> {
  return { success: true, data, issues };
}

/** A failed result. */
export function fail<T = never>(issues: Issue[]): Result<T> {
  return { success: false, issues };
}

/** Formats a path like `ti.cards[2].expiry` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
    } else {
      out += out === '' ? seg : `.${seg}`;
    }
  }
  return out === '' ? '(root)' : out;
}
