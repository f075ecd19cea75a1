import type { AppContext } from '../context.ts';

export interface SearchHit {
  kind: string;
  refId: string;
  caseId: string | null;
  caseNumber: number | null;
  title: string;
  snippet: string;
  rank: number;
}

/**
 * German full-text search over cases, customers, sheets, findings, notes and artifact text. Uses the GIN
 * expression index on `to_tsvector('german', title || ' ' || body)`; `websearch_to_tsquery` understands
 * quotes, OR and -exclusions.
 */
export async function search(ctx: AppContext, q: string, limit = 20): Promise<SearchHit[]> {
  const r = await ctx.database.executeSql(
    // Matches come from the GIN index; only the newest 200 are ranked (ts_rank recomputes the tsvector per
    // row, which over thousands of matches costs more than the search itself).
    `with q as (select websearch_to_tsquery('german', $1) as query),
     candidates as (
       select d.kind, d.ref_id, d.case_id, d.title, d.body
         from search_docs d, q
        where to_tsvector('german', d.title || ' ' || d.body) @@ q.query
        order by d.updated_at desc
        limit 200),
     hits as (
       select c.*, ts_rank(to_tsvector('german', c.title || ' ' || c.body), q.query) as rank
         from candidates c, q
        order by rank desc
        limit $2)
     select h.kind, h.ref_id, h.case_id, h.title, h.rank, c.number as case_number,
            ts_headline('german', h.body, q.query, 'MaxWords=20, MinWords=5, MaxFragments=1') as snippet
       from hits h cross join q left join cases c on c.id = h.case_id
      order by h.rank desc`,
    [q, limit],
  );
  return r.rows.map((row) => ({
    kind: row.kind as string,
    refId: row.ref_id as string,
    caseId: (row.case_id as string | null) ?? null,
    caseNumber: row.case_number === null || row.case_number === undefined ? null : Number(row.case_number),
    title: row.title as string,
    snippet: row.snippet as string,
    rank: Number(row.rank),
  }));
}
