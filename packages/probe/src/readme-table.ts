import type { Collector } from './collector.ts';
import { COLLECTORS } from './collectors.ts';

const PLATFORM_LABELS: Record<string, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };

/** The collectors table of the README, generated from the list (a test keeps the README in sync). */
export function renderCollectorTable(collectors: readonly Collector[] = COLLECTORS): string {
  const rows = collectors.map(
    (c) =>
      `| \`${c.id}\` | ${c.title} | ${c.platforms.map((p) => PLATFORM_LABELS[p] ?? p).join(', ')} | ${c.timeoutMs / 1000} s | ${c.fills.map((f) => `\`${f}\``).join(', ')} | ${c.why} |`,
  );
  return [
    '| id | Titel | Plattformen | Timeout | füllt (Audit-Bogen) | warum |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
