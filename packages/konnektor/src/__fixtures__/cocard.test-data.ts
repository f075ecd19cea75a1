import { readFileSync } from 'node:fs';

/** A reconstructed real KoCoBox answer (values from cocard's YAML, see cocard-reconstructed/README.md). */
export function cocard(name: string): string {
  return readFileSync(new URL(`./cocard-reconstructed/${name}.xml`, import.meta.url), 'utf8');
}
