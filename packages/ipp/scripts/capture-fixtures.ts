// Writes src/__fixtures__/*.ipp: the IPP bodies Debian's ipptool and ippeveprinter exchange on 127.0.0.1
// (see src/__fixtures__/README.md). Run: node --import tsx packages/ipp/scripts/capture-fixtures.ts
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { captureExchanges } from '../src/testing/capture.ts';

const dir = new URL('../src/__fixtures__/', import.meta.url);
for (const old of readdirSync(dir).filter((n) => n.endsWith('.ipp') || n.endsWith('.ipptool.txt'))) {
  rmSync(new URL(old, dir));
}
for (const run of await captureExchanges()) {
  // What ipptool itself decoded from the same bytes: the unit tests compare the codec against it.
  writeFileSync(new URL(`${run.id}.ipptool.txt`, dir), run.ipptoolOutput);
  run.exchanges.forEach((e, i) => {
    const base = `${run.id}${run.exchanges.length > 1 ? `-${i + 1}` : ''}`;
    writeFileSync(new URL(`${base}.request.ipp`, dir), e.request);
    writeFileSync(new URL(`${base}.response.ipp`, dir), e.response);
    console.log(
      `${base}: request ${e.request.length} bytes, response ${e.response.length} bytes (HTTP ${e.httpStatus})`,
    );
  });
}
