import { isAppError } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { loadTestConfig } from './config/config.ts';
import { createServer } from './server.ts';

describe('createServer().listen', () => {
  it('follows the bound port in the public URL, and reports a taken port as CONFLICT instead of crashing', async () => {
    const first = await createServer(loadTestConfig(), { log: () => undefined });
    try {
      const url = await first.listen();
      const port = Number(new URL(url).port);
      expect(port).toBeGreaterThan(0);
      expect(first.ctx.config.publicUrl).toBe(`http://127.0.0.1:${port}`);
      const second = await createServer(loadTestConfig({ port }), { log: () => undefined });
      try {
        const error: unknown = await second.listen().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isAppError(error) && error.code).toBe('CONFLICT');
        expect((error as Error).message).toContain('EADDRINUSE');
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
