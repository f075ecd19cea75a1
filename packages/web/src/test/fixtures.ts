import type { Board, CaseDetail, SheetResponse } from '../api/types.ts';

const STAGES = [
  ['intake', 'Anfrage eingegangen', 'Request received'],
  ['dispatch', 'Weiterleitung an Helpdesk', 'Dispatched to helpdesk'],
  ['scheduling', 'Kunde angelegt & terminiert', 'Customer created & scheduled'],
  ['audit', 'Tech-Audit vor Ort / remote', 'Audit on site / remote'],
  ['post_processing', 'Interne Nachbearbeitung', 'Post-processing'],
  ['report_offer', 'Bericht & Angebot', 'Report & offer'],
  ['sales', 'Vertrieb', 'Sales'],
  ['follow_up', 'Follow-up bis PVS-Buchung', 'Follow-up until PVS booked'],
] as const;

/** A board in the server's shape: two cases in intake, one in audit. */
export function boardFixture(): Board {
  const card = (n: number, title: string, assignees: Record<string, string>, nextDueAt?: string) => ({
    id: `case-${n}`,
    number: n,
    title,
    customer: null,
    salesStatus: null,
    assignees,
    openFollowups: n === 3 ? 2 : 0,
    updatedAt: '2026-11-23T10:00:00Z',
    ...(nextDueAt ? { nextDueAt } : {}),
  });
  return {
    stages: STAGES.map(([stage, de, en]) => ({
      stage,
      label: { de, en },
      total: 0,
      cards:
        stage === 'intake'
          ? [
              card(1, 'Praxis Sonnenschein', {}),
              card(2, 'Praxis Dr. Mond', { dispatcher: 'Carla Kaiser' }, '2026-12-01T09:00:00Z'),
            ]
          : stage === 'audit'
            ? [
                card(
                  3,
                  'MVZ Lindenhof',
                  { helpdesk: 'Hanna Dietz', technician: 'Tim Berger' },
                  '2026-12-20T09:00:00Z',
                ),
              ]
            : [],
    })),
  };
}

export function caseFixture(): CaseDetail {
  return {
    id: 'case-3',
    number: 3,
    title: 'MVZ Lindenhof',
    stage: 'audit',
    stageLabel: { de: 'Tech-Audit vor Ort / remote', en: 'Audit on site / remote' },
    status: 'open',
    salesStatus: null,
    source: 'mail',
    intake: { practiceName: 'MVZ Lindenhof', phone: '030 1234567' },
    customer: { id: 'cust-1', name: 'MVZ Lindenhof' },
    site: null,
    contact: { id: 'ct-1', name: 'Maria Schmidt', phone: '030 1234567' },
    assignments: [],
    tasks: [
      {
        key: 'audit.sheet',
        stage: 'audit',
        title: { de: 'Audit-Sheet ausgefüllt', en: 'Audit sheet completed' },
        required: true,
        roles: ['technician'],
        doneAt: null,
        doneBy: null,
      },
      {
        key: 'intake.review',
        stage: 'intake',
        title: { de: 'Anfrage gesichtet', en: 'Request reviewed' },
        required: true,
        roles: ['dispatcher'],
        doneAt: '2026-11-20T10:00:00Z',
        doneBy: 'x',
      },
    ],
  };
}

/** A sheet with one probe value (the gateway), a conflict on it, and nothing else recorded. */
export function sheetFixture(): SheetResponse {
  return {
    revision: 4,
    sheet: {
      kind: 'praxisready.audit-sheet',
      schemaVersion: 1,
      id: 'sheet-case-3',
      caseId: 'case-3',
      practice: { id: 'p1', name: 'MVZ Lindenhof', contacts: [] },
      network: {
        gateway: {
          value: '192.168.10.1',
          source: 'probe',
          at: '2026-11-23T10:00:00Z',
          evidence: 'facts:doc-1#network.gateway',
        },
      },
    },
    conflicts: [
      {
        id: 'k1',
        path: 'ti.konnektor.host',
        kept: { value: '192.168.10.5', source: 'person', by: 'technician@praxisready.test' },
        incoming: { value: '192.168.10.6', source: 'probe', at: '2026-11-23T10:00:00Z' },
        sourceRef: 'probe:doc-1',
        createdAt: '2026-11-23T10:00:00Z',
      },
    ],
  };
}
