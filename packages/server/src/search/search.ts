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
 * German full-text search over cases, customers, sheets, findings, notes and artifact text. Matches and ranks
 * on the stored `tsv` column (GIN index, written by `indexDoc`); `websearch_to_tsquery` understands quotes, OR
 * and -exclusions. Only the headline of the returned hits is computed from the text.
 */
export async function search(ctx: AppContext, q: string, limit = 20): Promise<SearchHit[]> {
  const r = await ctx.database.executeSql(
    // Matches come from the GIN index; the newest 500 are ranked on the stored vector, so a very common word
    // costs a bounded amount. The body is read only for the returned hits' headlines.
    `with q as (select websearch_to_tsquery('german', $1) as query),
     candidates as (
       select d.kind, d.ref_id, d.tsv
         from search_docs d, q
        where d.tsv @@ q.query
        order by d.updated_at desc
        limit 500),
     hits as (
       select c.kind, c.ref_id, ts_rank(c.tsv, q.query) as rank
         from candidates c, q
        order by rank desc, c.ref_id
        limit $2)
     select h.kind, h.ref_id, d.case_id, d.title, h.rank, c.number as case_number,
            ts_headline('german', d.body, q.query, 'MaxWords=20, MinWords=5, MaxFragments=1') as snippet
       from hits h cross join q
       join search_docs d on d.kind = h.kind and d.ref_id = h.ref_id
       left join cases c on c.id = d.case_id
      order by h.rank desc, h.ref_id`,
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
