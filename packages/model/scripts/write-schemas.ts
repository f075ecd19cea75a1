// Regenerates packages/model/schema/*.json from the Zod schemas: `node --import tsx packages/model/scripts/write-schemas.ts`.
import { writeFileSync } from 'node:fs';
import { PUBLISHED_SCHEMAS, renderJsonSchema } from '../src/json-schema.ts';

for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), renderJsonSchema(name));
  console.log(`wrote schema/${name}`);
}
