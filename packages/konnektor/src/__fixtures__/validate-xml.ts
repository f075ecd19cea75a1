import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The test wrapper schema: SOAP 1.1 envelope + the gematik XSDs (see konnektor-messages.xsd). */
export const MESSAGES_XSD = fileURLToPath(new URL('./konnektor-messages.xsd', import.meta.url));

export interface XsdVerdict {
  name: string;
  valid: boolean;
  /** xmllint's messages for this document. */
  messages: string[];
}

/** Validates documents with `xmllint --schema` (Debian libxml2-utils) in one process. */
export async function validateWithXmllint(docs: { name: string; xml: string }[]): Promise<XsdVerdict[]> {
  const dir = await mkdtemp(join(tmpdir(), 'konnektor-xsd-'));
  try {
    const files = await Promise.all(
      docs.map(async (d, i) => {
        const file = join(dir, `${String(i).padStart(4, '0')}.xml`);
        await writeFile(file, d.xml);
        return file;
      }),
    );
    const output = await new Promise<string>((resolve, reject) => {
      execFile('xmllint', ['--noout', '--schema', MESSAGES_XSD, ...files], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        // xmllint exits 3 when a document does not validate; that is a verdict, not a failure of the tool.
        const code = (err as { code?: unknown } | null)?.code;
        if (err && typeof code !== 'number') {
          reject(new Error(`xmllint could not run: ${err.message}`, { cause: err }));
          return;
        }
        resolve(`${stdout}\n${stderr}`);
      });
    });
    return docs.map((d, i) => {
      const file = files[i]!;
      const mine = output.split('\n').filter((l) => l.startsWith(file));
      return { name: d.name, valid: mine.some((l) => l === `${file} validates`), messages: mine };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
