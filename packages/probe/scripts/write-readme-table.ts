// Regenerates the collectors table in packages/probe/README.md: `node --import tsx packages/probe/scripts/write-readme-table.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCollectorTable } from '../src/readme-table.ts';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = '<!-- collectors:start -->';
const end = '<!-- collectors:end -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(path, `${before}\n\n${renderCollectorTable()}\n\n${after}`);
console.log('wrote the collectors table into packages/probe/README.md');
