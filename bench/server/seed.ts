// Seeds the benchmark data set (10,000 cases, 200,000 findings, search docs) into an opened database.
import type { Database } from '@praxisready/server';
import { hashPassword } from '../../packages/server/src/auth/secrets-hash.ts';

export const CASES = 10_000;
export const BENCH_ADMIN = { email: 'bench@praxis.test', password: 'Bench-Passwort-123' } as const;
const FINDINGS_PER_CASE = 20;

export async function seed(db: Database): Promise<void> {
  const t0 = performance.now();
  await db.executeSql(`insert into customers (id, name, match_key)
    select 'cu-' || i, 'Praxis Dr. Muster ' || i, 'praxis dr muster ' || i || '|' || lpad((10000 + i % 80000)::text, 5, '0')
    from generate_series(1, ${CASES}) i`);
  await db.executeSql(`insert into cases (id, number, title, stage, source, customer_id, intake, updated_at)
    select 'case-' || i, i, 'Tech-Audit Praxis ' || i,
      (array['intake','dispatch','scheduling','audit','post_processing','report_offer','sales','follow_up'])[1 + i % 8],
      'mail', 'cu-' || i, jsonb_build_object('practiceName', 'Praxis Dr. Muster ' || i),
      now() - (i || ' minutes')::interval
    from generate_series(1, ${CASES}) i`);
  await db.executeSql(`insert into counters (name, value) values ('case', ${CASES})`);
  // What the board computes per card: assignees, open follow-ups, the next due date. Two follow-ups per case
  // (one done), one appointment per case (every other one in the future), a technician on half the cases.
  // the server creates its first admin only when there are no users; the seeded technicians count as users
  await db.executeSql(
    `insert into users (id, email, name, role, password_hash) values ('bench-admin', $1, 'Bench', 'admin', $2)`,
    [BENCH_ADMIN.email, await hashPassword(BENCH_ADMIN.password)],
  );
  await db.executeSql(`insert into users (id, email, name, role, password_hash)
    select 'tech-' || i, 'tech' || i || '@praxis.test', 'Techniker ' || i, 'technician', 'x'
    from generate_series(1, 20) i`);
  await db.executeSql(`insert into case_assignments (case_id, role, user_id)
    select 'case-' || i, 'technician', 'tech-' || (1 + i % 20) from generate_series(1, ${CASES}, 2) i`);
  await db.executeSql(`insert into followups (id, case_id, title, due_at, done_at, created_by)
    select 'fu-' || j, 'case-' || (1 + j / 2), 'Rückruf ' || j, now() + ((j % 40) || ' days')::interval,
      case when j % 2 = 0 then now() end, 'bench'
    from generate_series(0, ${CASES * 2 - 1}) j`);
  await db.executeSql(`insert into appointments (id, case_id, starts_at, ends_at, mode, status, created_by)
    select 'ap-' || i, 'case-' || i, now() + (((i % 60) - 30) || ' days')::interval,
      now() + (((i % 60) - 30) || ' days')::interval + interval '2 hours', 'onsite',
      (array['proposed','accepted','declined','cancelled'])[1 + i % 4], 'bench'
    from generate_series(1, ${CASES}) i`);
  await db.executeSql(`insert into findings (case_id, check_id, area, status, severity, data, computed_at)
    select 'case-' || (1 + (j - 1) / ${FINDINGS_PER_CASE}), 'check.' || (j % ${FINDINGS_PER_CASE}), 'network',
      (array['pass','fail','warn','unknown'])[1 + j % 4], 'medium',
      jsonb_build_object('title', jsonb_build_object('de', 'Prüfung ' || j % ${FINDINGS_PER_CASE})), now()
    from generate_series(1, ${CASES * FINDINGS_PER_CASE}) j`);
  const words = [
    'Konnektor Zertifikat läuft ab',
    'Drucker ohne PDF-Unterstützung',
    'Datensicherung fehlt',
    'Arbeitsspeicher zu klein',
    'Kartenterminal nicht erreichbar',
  ];
  await db.executeSql(`insert into search_docs (kind, ref_id, case_id, title, body)
    select 'case', 'case-' || i, 'case-' || i, '#' || i || ' Tech-Audit Praxis ' || i, 'Praxis Dr. Muster ' || i || ' Hauptstraße ' || i
    from generate_series(1, ${CASES}) i`);
  await db.executeSql(
    `insert into search_docs (kind, ref_id, case_id, title, body)
    select 'findings', 'case-' || i, 'case-' || i, 'Befunde #' || i, ($1::text[])[1 + i % 5] || '. ' || ($1::text[])[1 + (i / 5) % 5]
    from generate_series(1, ${CASES}) i`,
    [words],
  );
  // the server writes the stored tsvector in indexDoc; rows inserted here get it the same way
  await db.executeSql(`update search_docs set tsv = to_tsvector('german', title || ' ' || body)`);
  await db.executeSql('analyze');
  console.log(
    `  seeded ${CASES} cases, ${CASES * FINDINGS_PER_CASE} findings in ${Math.round(performance.now() - t0)} ms`,
  );
}
