import { isDeepStrictEqual } from 'node:util';

import { isKeyedList, isObj, isSourced, type Obj } from './tree.ts';

/**
 * A whole-sheet PUT carries the browser's clock and no `by`: every person value that is new or differs from
 * the stored sheet gets the server's time and the actor, as PATCH does; unchanged ones keep their stored stamp.
 * Rows are matched by `id` where they have one (so a removed row does not shift the others), else by position.
 */
export function stampPersonValues(
  before: unknown,
  after: unknown,
  stamp: { at: string; by: string },
): unknown {
  if (isSourced(after)) {
    if (after.source !== 'person') {
      return after;
    }
    if (isSourced(before) && before.source === 'person' && isDeepStrictEqual(before.value, after.value)) {
      const { by: _by, ...rest } = after;
      return { ...rest, at: before.at, ...(before.by === undefined ? {} : { by: before.by }) };
    }
    return { ...after, at: stamp.at, by: stamp.by };
  }
  if (Array.isArray(after)) {
    const old = Array.isArray(before) ? (before as unknown[]) : [];
    const keyed = isKeyedList(after);
    return after.map((item, i) =>
      stampPersonValues(keyed ? old.find((o) => isObj(o) && o.id === (item as Obj).id) : old[i], item, stamp),
    );
  }
  if (isObj(after)) {
    const old = isObj(before) ? before : {};
    return Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, stampPersonValues(old[k], v, stamp)]),
    );
  }
  return after;
}

/**
 * Observations (free-text notes) carry `at`/`by` of their own, not a sourced value: a note the stored sheet
 * already has (same area, text and evidence) keeps its stamp; a new or edited one gets the server's time and
 * the actor, so a browser cannot date a note or sign it in another name.
 */
export function stampObservations(
  before: unknown,
  after: unknown,
  stamp: { at: string; by: string },
): unknown {
  if (!Array.isArray(after)) {
    return after;
  }
  const old = (Array.isArray(before) ? before : []).filter(isObj);
  const same = (a: Obj, b: Obj) =>
    a.area === b.area && a.text === b.text && isDeepStrictEqual(a.evidence ?? [], b.evidence ?? []);
  return after.map((o: unknown) => {
    if (!isObj(o)) {
      return o;
    }
    const known = old.find((x) => same(x, o));
    return known ? { ...o, at: known.at, by: known.by } : { ...o, at: stamp.at, by: stamp.by };
  });
}

/** A whole sheet from a PUT: its person values and its observations stamped (see the two functions above). */
export function stampSheet(before: Obj, after: unknown, stamp: { at: string; by: string }): unknown {
  const stamped = stampPersonValues(before, after, stamp);
  return isObj(stamped) && 'observations' in stamped
    ? { ...stamped, observations: stampObservations(before.observations, stamped.observations, stamp) }
    : stamped;
}
