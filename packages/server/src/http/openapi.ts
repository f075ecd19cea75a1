import { z } from '@hono/zod-openapi';

/** Response bodies are documented by name; their shapes are the DTOs of the services. */
export const Out = (name: string) => z.any().openapi(name);
export const ok = (name: string, description = 'OK') => ({
  200: { description, content: { 'application/json': { schema: Out(name) } } },
});
export const created = (name: string) => ({
  201: { description: 'Created', content: { 'application/json': { schema: Out(name) } } },
});
export const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const CaseParams = z.object({
  caseId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'caseId', in: 'path' } }),
});
export const Id = z.string().min(1).max(64);
