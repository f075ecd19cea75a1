import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { searchDocs } from '../db/schema.ts';

export const SearchKind = {
  case: 'case',
  customer: 'customer',
  sheet: 'sheet',
  findings: 'findings',
  note: 'note',
  artifact: 'artifact',
} as const;
export type SearchKind = keyof typeof SearchKind;

/** Limit per document; German FTS over very long texts costs more than it finds. */
const MAX_BODY = 200_000;

/** Upserts the searchable text of one entity, in the caller's transaction. */
export async function indexDoc(
  tx: DbOrTx,
  doc: { kind: SearchKind; refId: string; caseId: string | null; title: string; body: string },
): Promise<void> {
  const body = doc.body.length > MAX_BODY ? doc.body.slice(0, MAX_BODY) : doc.body;
  // The tsvector is computed once here, on write; searches match and rank on the stored value.
  const tsv = sql`to_tsvector('german', ${doc.title} || ' ' || ${body})`;
  await tx
    .insert(searchDocs)
    .values({ ...doc, body, tsv })
    .onConflictDoUpdate({
      target: [searchDocs.kind, searchDocs.refId],
      set: { title: doc.title, body, tsv, caseId: doc.caseId, updatedAt: sql`now()` },
    });
}

/** Flattens a JSON value into its strings and numbers, for indexing a sheet. */
export function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    value.forEach((v) => textOf(v, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k !== 'at' && k !== 'source' && k !== 'evidence') {
        textOf(v, out);
      }
    }
  }
  return out;
}
