import { it } from 'vitest';
import { fuzzIntake } from './fuzz-cases.ts';

const RUNS = Number(process.env['MAIL_FUZZ_RUNS'] ?? 10_000);

it(
  `parseIntakeMail survives ${RUNS} mutated mails without throwing or hanging`,
  { timeout: 900_000 },
  async () => {
    await fuzzIntake(RUNS, 10_000);
  },
);
