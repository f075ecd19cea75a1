import { readFileSync } from 'node:fs';

/** Reads a real sample (copied unchanged from shared/spec/konnektor-samples, see samples/README.md). */
export function sample(path: string): string {
  return readFileSync(new URL(`./samples/${path}`, import.meta.url), 'utf8');
}
