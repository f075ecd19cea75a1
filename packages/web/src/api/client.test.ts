import { describe, expect, it } from 'vitest';
import { isApiError } from './client.ts';
import { mockApi, reply } from '../test/mock-api.ts';

describe('api client', () => {
  it('sends the bearer token and JSON body, returns the parsed response', async () => {
    const { api, calls } = mockApi({
      'POST /api/cases/c1/logbook': (body) => ({ id: 'l1', ...(body as object) }),
    });
    const entry = await api.addLogbook('c1', 'Kartenterminal fehlt');
    expect(entry).toMatchObject({ id: 'l1', text: 'Kartenterminal fehlt' });
    expect(calls).toEqual([
      {
        route: 'POST /api/cases/c1/logbook',
        body: { text: 'Kartenterminal fehlt' },
        auth: 'Bearer prs_test',
      },
    ]);
  });

  it('turns the server error body into an ApiError with code, hint and issues', async () => {
    const body = {
      code: 'CONFLICT',
      message: 'Open tasks in stage intake: intake.review',
      issues: [{ path: 'tasks.intake.review', message: 'Request reviewed' }],
      hint: 'Offene Aufgaben: Anfrage gesichtet',
    };
    const { api } = mockApi({ 'POST /api/cases/c1/transition': reply(409, body) });
    const err = await api.transition('c1', 'dispatch').catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    expect(err).toMatchObject({ status: 409, body });
  });

  it('uses the form link token instead of the session for the pre-information form', async () => {
    const { api, calls } = mockApi({ 'GET /api/preinfo/form': { answers: {}, submittedAt: null } });
    await api.preinfoForm('prp_link');
    expect(calls[0]!.auth).toBe('Bearer prp_link');
  });

  it('reports a network failure as UNREACHABLE and a non-JSON 500 as INTERNAL', async () => {
    const { createApiClient } = await import('./client.ts');
    const down = createApiClient({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(down.board()).rejects.toMatchObject({ status: 0, body: { code: 'UNREACHABLE' } });
    const broken = createApiClient({ fetch: () => Promise.resolve(new Response('<html>', { status: 502 })) });
    await expect(broken.board()).rejects.toMatchObject({ status: 502, body: { code: 'INTERNAL' } });
  });
});
