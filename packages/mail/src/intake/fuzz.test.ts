import { it } from 'vitest';
import { fuzzIntake } from './fuzz-cases.ts';

// A quick pass on every run; fuzz.int.test.ts runs 10,000 cases.
it('parseIntakeMail survives 300 mutated mails without throwing or hanging', async () => {
  await fuzzIntake(300, 5_000);
});
