import { WORKFLOW_STAGES, WORKFLOW_STAGE_LABELS, type WorkflowStage } from '@praxisready/model';
import type { AppContext } from '../context.ts';

export interface BoardCard {
  id: string;
  number: number;
  title: string;
  customer: string | null;
  salesStatus: string | null;
  assignees: Record<string, string>;
  openFollowups: number;
  /** Earliest open follow-up due date or upcoming open appointment; null when nothing is due. */
  nextDueAt: string | null;
  updatedAt: string;
}

export interface BoardFilter {
  /** Only cases this user is assigned to (in `role`, when given). */
  assignee?: string | undefined;
  /** Only cases with somebody assigned in this role (or `assignee` in this role). */
  role?: string | undefined;
  /** Only cases whose next due date is at or before this time. */
  dueBefore?: Date | undefined;
}

/** Open appointment statuses; a past appointment is not "due" any more. */
const NEXT_DUE = `least(
  (select min(f.due_at) from followups f where f.case_id = c.id and f.done_at is null),
  (select min(a.starts_at) from appointments a
    where a.case_id = c.id and a.status in ('proposed', 'accepted', 'tentative') and a.ends_at >= now()))`;

/** The filter as SQL over `cases c`, with its parameters numbered from `first`. */
function filterSql(filter: BoardFilter, first: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  if (filter.assignee !== undefined || filter.role !== undefined) {
    const conds = [
      ...(filter.assignee !== undefined ? [`a.user_id = ${p(filter.assignee)}`] : []),
      ...(filter.role !== undefined ? [`a.role = ${p(filter.role)}`] : []),
    ];
    parts.push(`exists (select 1 from case_assignments a where a.case_id = c.id and ${conds.join(' and ')})`);
  }
  if (filter.dueBefore !== undefined) {
    parts.push(`${NEXT_DUE} <= ${p(filter.dueBefore.toISOString())}::timestamptz`);
  }
  return { sql: parts.map((x) => ` and ${x}`).join(''), params };
}

/**
 * The board: open cases per stage, newest first, `perStage` cards each, with the stage totals. Per stage one
 * walk of the partial index (stage, updated_at desc) where status = 'open', reading only the shown columns;
 * assignees, open follow-ups and the next due date only for the cards returned. Unfiltered totals come from
 * `case_stage_counts` (kept by triggers on `cases`), not from counting every open case.
 */
export async function board(ctx: AppContext, perStage = 20, filter: BoardFilter = {}) {
  const f = filterSql(filter, 3);
  const cardsQuery = ctx.database.executeSql(
    `select x.*, cu.name as customer,
            (select coalesce(json_object_agg(a.role, u.name), '{}'::json)
               from case_assignments a join users u on u.id = a.user_id where a.case_id = x.id) as assignees,
            (select count(*) from followups f where f.case_id = x.id and f.done_at is null) as open_followups
       from unnest($1::text[]) as s(stage)
       cross join lateral (
         select c.id, c.number, c.title, c.stage, c.sales_status, c.customer_id, c.updated_at,
                ${NEXT_DUE} as next_due_at
           from cases c
          where c.status = 'open' and c.stage = s.stage${f.sql}
          order by c.updated_at desc nulls last, c.id
          limit $2) x
       left join customers cu on cu.id = x.customer_id`,
    [WORKFLOW_STAGES, perStage, ...f.params],
  );
  const g = filterSql(filter, 1);
  // Unfiltered: the counts the triggers keep (8 rows). Filtered: counted over the matching open cases.
  const totalsQuery =
    g.params.length === 0
      ? ctx.database.executeSql('select stage, open as total from case_stage_counts')
      : ctx.database.executeSql(
          `select c.stage, count(*) as total from cases c where c.status = 'open'${g.sql} group by c.stage`,
          g.params,
        );
  const [cards, totals] = [await cardsQuery, await totalsQuery];
  const totalOf = new Map(totals.rows.map((r) => [r.stage as string, Number(r.total)]));
  const byStage = new Map<string, BoardCard[]>();
  for (const row of cards.rows) {
    const stage = row.stage as string;
    const list = byStage.get(stage) ?? [];
    list.push({
      id: row.id as string,
      number: Number(row.number),
      title: row.title as string,
      customer: (row.customer as string | null) ?? null,
      salesStatus: (row.sales_status as string | null) ?? null,
      assignees: (typeof row.assignees === 'string' ? JSON.parse(row.assignees) : row.assignees) as Record<
        string,
        string
      >,
      openFollowups: Number(row.open_followups),
      nextDueAt: row.next_due_at ? new Date(row.next_due_at as string).toISOString() : null,
      updatedAt: new Date(row.updated_at as string).toISOString(),
    });
    byStage.set(stage, list);
  }
  return {
    stages: WORKFLOW_STAGES.map((stage: WorkflowStage) => ({
      stage,
      label: WORKFLOW_STAGE_LABELS[stage],
      total: totalOf.get(stage) ?? 0,
      cards: byStage.get(stage) ?? [],
    })),
  };
}
