// How much of the audit sheet the probe fills: the value paths of the published audit-sheet JSON Schema (every
// sourced value; list items counted once per field, as `machines[].ramGb`) against the paths the probe's sheet
// holds with source "probe". Printed by bench/probe for the issue note.
import { readFileSync } from 'node:fs';

type Node = Record<string, unknown>;
const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

const SCHEMA = JSON.parse(
  readFileSync(new URL('../../packages/model/schema/audit-sheet.schema.json', import.meta.url), 'utf8'),
) as Node;

/** Every sourced value's path in the schema (a sourced value has `value` and `source` properties). */
export function schemaValuePaths(node: unknown = SCHEMA, path = ''): string[] {
  if (!isObj(node)) {
    return [];
  }
  const props = isObj(node.properties) ? node.properties : undefined;
  if (props && 'value' in props && 'source' in props) {
    return [path];
  }
  const out: string[] = [];
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      out.push(...schemaValuePaths(v, path === '' ? k : `${path}.${k}`));
    }
  }
  if (isObj(node.items)) {
    out.push(...schemaValuePaths(node.items, `${path}[]`));
  }
  for (const alt of [...((node.anyOf as unknown[]) ?? []), ...((node.oneOf as unknown[]) ?? [])]) {
    out.push(...schemaValuePaths(alt, path));
  }
  return out;
}

/** Paths of the values in `sheet` that came from the probe, list indices folded to `[]`. */
export function probeFilledPaths(sheet: unknown, path = '', out = new Set<string>()): Set<string> {
  if (isObj(sheet) && 'value' in sheet && typeof sheet.source === 'string') {
    if (sheet.source === 'probe') {
      out.add(path);
    }
  } else if (Array.isArray(sheet)) {
    for (const item of sheet) {
      probeFilledPaths(item, `${path}[]`, out);
    }
  } else if (isObj(sheet)) {
    for (const [k, v] of Object.entries(sheet)) {
      probeFilledPaths(v, path === '' ? k : `${path}.${k}`, out);
    }
  }
  return out;
}

export function sheetCoverage(sheet: unknown): { filled: string[]; total: number; manual: string[] } {
  const all = [...new Set(schemaValuePaths())];
  const got = probeFilledPaths(sheet);
  return { filled: all.filter((p) => got.has(p)), total: all.length, manual: all.filter((p) => !got.has(p)) };
}
