// Writes examples/ready-practice.json and examples/problem-practice.json from the sheet builder.
// Run: npx tsx packages/rules/scripts/write-examples.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXAMPLES, exampleJson } from '../src/test-support/examples.ts';

const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
for (const [name, make] of Object.entries(EXAMPLES)) {
  writeFileSync(`${dir}${name}`, exampleJson(make));
  process.stdout.write(`wrote examples/${name}\n`);
}
