import type { SheetConflict, Sourced } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { isSourced } from '../sheet/edits.ts';
import type { MeasuredField, Say } from '../sheet/spec.ts';
import { getPath } from '../sheet/paths.ts';
import { ConflictNote, SourceMark } from './SourceNote.tsx';

interface Entry {
  spec: MeasuredField;
  conflict?: SheetConflict;
  lines: string[];
  stored?: Sourced;
}

const asLines = (out: string | string[]): string[] => (Array.isArray(out) ? out : out ? [out] : []);

/**
 * The section's measured values without an editor, as a definition list: each with its summary, its source mark
 * (probe, time, evidence) and a conflict about it. Absent values are left out; nothing measured, no block.
 */
export function MeasuredFacts({
  specs,
  sheet,
  conflicts,
  onResolve,
}: {
  specs: MeasuredField[];
  sheet: unknown;
  conflicts: SheetConflict[];
  onResolve: (conflictId: string, take: 'kept' | 'incoming') => void;
}) {
  const { t, lang } = useI18n();
  const say: Say = (de, en) => (lang === 'de' ? de : en);
  const entries = specs.flatMap((spec): Entry[] => {
    const stored = getPath(sheet, spec.path);
    const conflict = conflicts.find((c) => c.path === spec.path);
    if (!isSourced(stored) || stored.value === undefined || stored.value === null) {
      return conflict ? [{ spec, conflict, lines: [] }] : [];
    }
    const lines = asLines(spec.format(stored.value, say));
    return lines.length > 0 || conflict ? [{ spec, conflict, lines, stored }] : [];
  });
  if (entries.length === 0) {
    return null;
  }
  const summary = (spec: MeasuredField) => (v: unknown) => asLines(spec.format(v, say)).join('; ');
  return (
    <section className="measured" aria-labelledby="measured-h">
      <h3 id="measured-h">{t('measuredByProbe')}</h3>
      {/* long paths and ini lines wrap (the shared wrapping classes; the e2e fails on sideways scrolling at 820 px) */}
      <dl className="chip-text">
        {entries.map(({ spec, conflict, lines, stored }) => {
          const detail = stored ? spec.detail?.(stored.value) : undefined;
          return (
            <div key={spec.path} className={conflict ? 'conflict' : undefined}>
              <dt>{spec.label[lang]}</dt>
              <dd>
                {lines.length > 1 ? (
                  <ul>
                    {lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  lines[0]
                )}
                {detail ? (
                  <details>
                    <summary>{t('showText')}</summary>
                    <pre className="obs-text">{detail}</pre>
                  </details>
                ) : null}
                {stored ? (
                  <>
                    {' '}
                    <SourceMark value={stored} />
                  </>
                ) : null}
                {conflict ? (
                  <ConflictNote conflict={conflict} format={summary(spec)} onResolve={onResolve} />
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
