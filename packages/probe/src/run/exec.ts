import { execFile } from 'node:child_process';
import { AppError } from '@praxisready/model';
import type { ExecResult } from '../collector.ts';

/** Runs a program without a shell, with a timeout; never throws for a non-zero exit (the caller decides). */
export function execProgram(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, signal, maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: string | number }) | null;
        if (e && (e.code === 'ENOENT' || e.code === 'EACCES')) {
          reject(new AppError('NOT_SUPPORTED', `${file} is not available here`, { cause: e }));
          return;
        }
        if (e?.killed || e?.name === 'AbortError') {
          reject(new AppError('TIMEOUT', `${file} did not finish in ${timeoutMs} ms`, { cause: e }));
          return;
        }
        resolve({ stdout, stderr, code: typeof e?.code === 'number' ? e.code : e ? 1 : 0 });
      },
    );
  });
}

/**
 * Wraps a PowerShell script so that it prints JSON only: no profile, no progress records, UTF-8 output, and
 * errors as a JSON object instead of red text.
 */
export function powershellArgs(script: string): string[] {
  const wrapped = [
    "$ProgressPreference='SilentlyContinue'",
    "$ErrorActionPreference='Stop'",
    '[Console]::OutputEncoding=[Text.Encoding]::UTF8',
    `try { ${script} } catch { @{ __error = $_.Exception.Message } | ConvertTo-Json -Compress }`,
  ].join('; ');
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', wrapped];
}

/** Parses the JSON a wrapped PowerShell script printed; empty output is `null`. */
export function parsePowershellJson(stdout: string): unknown {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError('PARSE_FAILED', 'PowerShell did not print JSON', {
      cause: e,
      details: { head: text.slice(0, 200) },
    });
  }
  if (value !== null && typeof value === 'object' && '__error' in value) {
    throw new AppError('PEER_FAULT', `PowerShell: ${String(value.__error)}`);
  }
  return value;
}
