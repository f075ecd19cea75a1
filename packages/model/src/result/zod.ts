import type { z } from 'zod';
import { fail, ok, type Issue, type Result } from './result.ts';

/** Runs a Zod schema and returns our Result shape, with one issue per Zod issue (path kept). */
export function validateWith<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return ok(parsed.data);
  }
  return fail(
    parsed.error.issues.map((i): Issue => ({
      code: i.code,
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
      severity: 'error',
    })),
  );
}
