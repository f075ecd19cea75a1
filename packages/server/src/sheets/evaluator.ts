import { AppError, type AuditSheet, type Finding } from '@praxisready/model';
import type { Evaluator } from '../context.ts';

type RulesModule = { evaluate?: (sheet: AuditSheet, options: { now: Date }) => unknown };

/**
 * The default evaluator: `evaluate(sheet, { now })` of @praxisready/rules. Loaded lazily so the server starts
 * (and its tests run) while the rules package is still being built; it accepts both return shapes
 * (`Finding[]` or `{ findings }`).
 */
export function rulesEvaluator(): Evaluator {
  let loaded: Promise<RulesModule> | undefined;
  return async (sheet, now) => {
    const specifier = '@praxisready/rules';
    loaded ??= import(specifier) as Promise<RulesModule>;
    let mod: RulesModule;
    try {
      mod = await loaded;
    } catch (e) {
      loaded = undefined;
      throw new AppError('INTERNAL', 'The rules package could not be loaded', { cause: e });
    }
    if (typeof mod.evaluate !== 'function') {
      throw new AppError('INTERNAL', 'The rules package exports no evaluate()');
    }
    const r = mod.evaluate(sheet, { now });
    if (Array.isArray(r)) {
      return r as Finding[];
    }
    return (r as { findings: Finding[] }).findings;
  };
}
