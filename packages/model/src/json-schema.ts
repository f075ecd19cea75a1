import { z } from 'zod';
import { FactsDocumentSchema } from './facts/facts-document.ts';
import { AuditSheetSchema } from './sheet/sheet.ts';
import { FindingSchema } from './finding/finding.ts';

/** The JSON Schemas published in `packages/model/schema/`, generated from the Zod schemas. */
export const PUBLISHED_SCHEMAS = {
  'facts.schema.json': { schema: FactsDocumentSchema, title: 'Praxisready facts document', io: 'input' },
  'audit-sheet.schema.json': { schema: AuditSheetSchema, title: 'Praxisready audit sheet', io: 'input' },
  'finding.schema.json': { schema: FindingSchema, title: 'Praxisready finding', io: 'output' },
} as const;

/** Renders one published schema as JSON text (stable formatting, trailing newline). */
export function renderJsonSchema(name: keyof typeof PUBLISHED_SCHEMAS): string {
  const entry = PUBLISHED_SCHEMAS[name];
  const json = z.toJSONSchema(entry.schema, {
    target: 'draft-2020-12',
    io: entry.io,
    unrepresentable: 'any',
  });
  return `${JSON.stringify({ $id: `https://praxisready.example/schema/${name}`, title: entry.title, ...json }, null, 2)}\n`;
}
