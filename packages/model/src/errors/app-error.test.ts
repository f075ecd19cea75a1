import { describe, expect, it } from 'vitest';
import { AppError, isAppError, toAppError } from './app-error.ts';
import { ErrorCodes, exitCodeOf, httpStatusOf } from './codes.ts';

describe('error vocabulary', () => {
  it('maps every code to an HTTP status and an exit code', () => {
    for (const code of Object.keys(ErrorCodes) as (keyof typeof ErrorCodes)[]) {
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
      expect(typeof exitCodeOf(code)).toBe('number');
    }
  });

  it('keeps the cause when converting unknown errors', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    const e = toAppError(socket);
    expect(e.code).toBe('UNREACHABLE');
    expect(e.cause).toBe(socket);
    expect(toAppError('boom').code).toBe('INTERNAL');
  });

  it('recognises an AppError by name and code, not by instanceof', () => {
    const foreign = Object.assign(new Error('x'), { name: 'AppError', code: 'NOT_FOUND' });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'NOPE' }))).toBe(false);
    expect(isAppError(new AppError('CONFLICT', 'c'))).toBe(true);
  });
});
