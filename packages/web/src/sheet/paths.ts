/**
 * Paths into the audit sheet in the server's syntax (`probe/merge.ts`, `sheets/service.ts`): dotted keys, list
 * items by id in brackets, e.g. `machines[PC-1].ramGb`. Conflicts use the same paths, so an edit and a conflict
 * on one value can be matched by string. All updates are immutable: React state compares by reference.
 */
export type Segment = { key: string } | { id: string };

export function parsePath(path: string): Segment[] {
  return [...path.matchAll(/\[([^\]]+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? { id: m[1] } : { key: m[2]! },
  );
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasId = (x: unknown, id: string) => isObj(x) && x.id === id;

export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const seg of parsePath(path)) {
    if ('key' in seg) {
      node = isObj(node) ? node[seg.key] : undefined;
    } else {
      node = Array.isArray(node) ? node.find((x) => hasId(x, seg.id)) : undefined;
    }
  }
  return node;
}

function update(node: unknown, segs: Segment[], fn: (old: unknown) => unknown): unknown {
  const [seg, ...rest] = segs;
  if (!seg) {
    return fn(node);
  }
  if ('key' in seg) {
    const obj: Obj = isObj(node) ? { ...node } : {};
    const next = update(obj[seg.key], rest, fn);
    if (next === undefined) {
      delete obj[seg.key];
    } else {
      obj[seg.key] = next;
    }
    return obj;
  }
  const list = Array.isArray(node) ? [...(node as unknown[])] : [];
  const i = list.findIndex((x) => hasId(x, seg.id));
  const next = update(i === -1 ? { id: seg.id } : list[i], rest, fn);
  if (next === undefined) {
    return i === -1 ? list : list.filter((_, j) => j !== i);
  }
  if (i === -1) {
    list.push(next);
  } else {
    list[i] = next;
  }
  return list;
}

/** A copy of `root` with `value` at `path`; objects and list items (by id) are created on the way. */
export function setPath(root: Obj, path: string, value: unknown): Obj {
  return update(root, parsePath(path), () => value) as Obj;
}

/** A copy of `root` without the value at `path` (an object key deleted, a list item by id removed). */
export function removePath(root: Obj, path: string): Obj {
  // Nothing there: no copy, and no empty objects or rows created on the way.
  if (getPath(root, path) === undefined) {
    return root;
  }
  return update(root, parsePath(path), () => undefined) as Obj;
}

/** True when `path` is `prefix` or lies below it (`machines[m1]` covers `machines[m1].ramGb`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
