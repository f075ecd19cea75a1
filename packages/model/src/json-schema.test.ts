import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, renderJsonSchema } from './json-schema.ts';

describe('published JSON Schemas', () => {
  it.each(Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[])(
    '%s in the repo matches the Zod schema (run packages/model/scripts/write-schemas.ts)',
    (name) => {
      const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(renderJsonSchema(name));
    },
  );

  it('the facts schema names its required top-level fields', () => {
    const schema = JSON.parse(renderJsonSchema('facts.schema.json')) as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining(['kind', 'schemaVersion', 'documentId', 'collectedAt']),
    );
  });
});
