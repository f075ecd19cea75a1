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
  updatedAt: string;
}

/**
 * The board: open cases per stage, newest first, `perStage` cards each, with the stage totals. One query with a
 * window function, served from the (stage, updated_at) index.
 */
export async function board(ctx: AppContext, perStage = 20) {
  const r = await ctx.database.executeSql(
    `with ranked as (
       select c.id, c.number, c.title, c.stage, c.sales_status, c.customer_id, c.updated_at,
              row_number() over (partition by c.stage order by c.updated_at desc, c.id) as rn,
              count(*) over (partition by c.stage) as total
         from cases c where c.status = 'open')
     select r.id, r.number, r.title, r.stage, r.sales_status, r.updated_at, r.total, cu.name as customer,
            (select coalesce(json_object_agg(a.role, u.name), '{}'::json)
               from case_assignments a join users u on u.id = a.user_id where a.case_id = r.id) as assignees,
            (select count(*) from followups f where f.case_id = r.id and f.done_at is null) as open_followups
       from ranked r left join customers cu on cu.id = r.customer_id
      where r.rn <= $1
      order by r.stage, r.rn`,
    [perStage],
  );
  const byStage = new Map<string, { total: number; cards: BoardCard[] }>();
  for (const row of r.rows) {
    const stage = row.stage as string;
    const entry = byStage.get(stage) ?? { total: Number(row.total), cards: [] };
    entry.cards.push({
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
      updatedAt: new Date(row.updated_at as string).toISOString(),
    });
    byStage.set(stage, entry);
  }
  return {
    stages: WORKFLOW_STAGES.map((stage: WorkflowStage) => ({
      stage,
      label: WORKFLOW_STAGE_LABELS[stage],
      total: byStage.get(stage)?.total ?? 0,
      cards: byStage.get(stage)?.cards ?? [],
    })),
  };
}
