import type { FactsDocument } from '@praxisready/model';
import { STATUS_LABELS_DE, type CollectorRun } from './run-probe.ts';

/**
 * The closing summary for the technician (German): what was found, and what could not be checked and why.
 */
export function formatSummary(facts: FactsDocument, runs: readonly CollectorRun[]): string[] {
  const ok = runs.filter((r) => r.status === 'ok' || r.status === 'partial');
  const notChecked = runs.filter((r) => r.status !== 'ok');
  const lines = [`Zusammenfassung (Dokument ${facts.documentId}):`];
  lines.push(`  Erfasst: ${ok.length} von ${runs.length} Sammlern lieferten Fakten.`);
  for (const r of ok) {
    lines.push(`   ✓ ${r.title}${r.message ? `: ${r.message}` : ''}`);
  }
  if (notChecked.length > 0) {
    lines.push('  Nicht oder nur teilweise geprüft:');
    for (const r of notChecked) {
      lines.push(`   – ${r.title}: ${STATUS_LABELS_DE[r.status]}${r.message ? ` (${r.message})` : ''}`);
    }
  }
  return lines;
}
