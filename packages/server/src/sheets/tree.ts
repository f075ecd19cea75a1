/** Walking the sheet as JSON: shared by the probe merge, the PUT stamping and the removed-row bookkeeping. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sourced value of the sheet model: `{ value, source, at, by?, evidence? }`. */
export const isSourced = (v: unknown): v is Obj & { value: unknown; source: string } =>
  isObj(v) && 'value' in v && typeof v.source === 'string';

/** A list is keyed when every row is an object with a string `id` (machines, terminals, cards …). */
export const isKeyedList = (v: unknown): v is Obj[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && typeof x.id === 'string');

/** Child path in merge-conflict syntax: `a.b`, rows by id `machines[PC-1]`. */
export const childPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
export const rowPath = (path: string, id: string) => `${path}[${id}]`;
