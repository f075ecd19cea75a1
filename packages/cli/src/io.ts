import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '@praxisready/model';
import type { CliIo } from './command.ts';

/** Reads a whole input: a file path, or `-` for standard input. */
export async function readInput(io: CliIo, path: string): Promise<Buffer> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    }
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(resolve(io.cwd, path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `File not found: ${path}`, { cause: e });
    }
    if (code === 'EISDIR') {
      throw new AppError('BAD_REQUEST', `Expected a file, got a directory: ${path}`, { cause: e });
    }
    throw e;
  }
}

/** Parses JSON input; a syntax error becomes PARSE_FAILED with the position. */
export function parseJsonInput(bytes: Buffer, name: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    throw new AppError('PARSE_FAILED', `${name} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}
