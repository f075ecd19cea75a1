import { z } from '@hono/zod-openapi';
import { AppError } from '@praxisready/model';
import type { Api } from '../http/env.ts';
import { actorOf, defineRoute } from '../http/env.ts';
import { CaseParams, Id, created, json, ok } from '../http/openapi.ts';

import {
  caseBundle,
  caseThread,
  checkCatalog,
  createOffer,
  createReport,
  exportCases,
  importCases,
  readPriceCatalog,
  sendDocuments,
  updatePriceItem,
  writePriceCatalog,
} from './service.ts';

const LangBody = {
  body: {
    content: {
      'application/json': {
        schema: z.object({ lang: z.enum(['de', 'en']).optional() }).openapi('DocumentRequest'),
      },
    },
    required: false,
  },
};
/** A text in both UI languages; both required, as in the documents package's catalog schema. */
const LocalizedEdit = z.object({
  de: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Report, offer, sending, thread, price catalog, check catalog, central sheet and bundle (issue 8). */
export function registerDocumentRoutes(app: Api): void {
  const renderers = {
    report: {
      create: createReport,
      what: 'report PDF from the current sheet and findings',
      out: 'DocumentCreated',
    },
    offer: {
      create: createOffer,
      what: 'offer PDF from the findings and the price catalog',
      out: 'OfferCreated',
    },
  } as const;
  for (const kind of ['report', 'offer'] as const) {
    const r = renderers[kind];
    app.openapi(
      defineRoute('documents.create', {
        method: 'post',
        path: `/api/cases/{caseId}/documents/${kind}`,
        tags: ['documents'],
        summary: `Render the ${r.what}; filed in 04_Nacharbeit`,
        request: { params: CaseParams, ...LangBody },
        responses: created(r.out),
      }),
      async (c) => {
        const lang = c.req.valid('json').lang ?? 'de';
        return c.json(await r.create(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, lang), 201);
      },
    );
  }
  app.openapi(
    defineRoute('documents.send', {
      method: 'post',
      path: '/api/cases/{caseId}/documents/send',
      tags: ['documents'],
      summary: 'Mail report (and offer) to the practice, CC dispatcher and ranger; kept in the case thread',
      request: {
        params: CaseParams,
        body: {
          content: {
            'application/json': {
              schema: z
                .object({ reportArtifactId: Id, offerArtifactId: Id.optional(), to: z.email().optional() })
                .openapi('SendDocuments'),
            },
          },
          required: true,
        },
      },
      responses: { ...ok('MailSent'), 501: { description: 'Mail sending not configured' } },
    }),
    async (c) =>
      c.json(
        await sendDocuments(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    defineRoute('thread.read', {
      method: 'get',
      path: '/api/cases/{caseId}/thread',
      tags: ['documents'],
      summary: 'The mail thread of the case (intake mail in, report/offer mails out)',
      request: { params: CaseParams },
      responses: ok('Thread'),
    }),
    async (c) => c.json(await caseThread(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('prices.read', {
      method: 'get',
      path: '/api/price-catalog',
      tags: ['documents'],
      summary: 'The price catalog of offers (stored, else the built-in default)',
      responses: ok('PriceCatalog'),
    }),
    async (c) => c.json(await readPriceCatalog(c.get('ctx').db), 200),
  );
  app.openapi(
    defineRoute('prices.write', {
      method: 'put',
      path: '/api/price-catalog',
      tags: ['documents'],
      summary: 'Replace the price catalog (validated with the documents schema)',
      request: {
        body: {
          content: {
            'application/json': { schema: z.record(z.string(), z.unknown()).openapi('CatalogJson') },
          },
          required: true,
        },
      },
      responses: ok('PriceCatalog'),
    }),
    async (c) => c.json(await writePriceCatalog(c.get('ctx'), actorOf(c), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('prices.write', {
      method: 'patch',
      path: '/api/price-catalog/items/{itemId}',
      tags: ['documents'],
      summary:
        'Edit one price item: texts (de/en: text, description, unit) and/or net price and VAT; the catalog is validated again',
      request: {
        params: z.object({ itemId: Id }),
        ...json(
          z
            .object({
              text: LocalizedEdit.optional(),
              description: LocalizedEdit.nullable().optional(),
              unit: LocalizedEdit.optional(),
              unitPriceNet: z.string().max(20).optional(),
              vatRate: z.number().min(0).max(100).optional(),
            })
            .openapi('PriceItemPatch'),
        ),
      },
      responses: ok('PriceCatalog'),
    }),
    async (c) =>
      c.json(
        await updatePriceItem(c.get('ctx'), actorOf(c), c.req.valid('param').itemId, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    defineRoute('checks.read', {
      method: 'get',
      path: '/api/checks',
      tags: ['documents'],
      summary: 'The check catalog of the rules (read only)',
      responses: ok('Checks'),
    }),
    (c) => c.json(checkCatalog(), 200),
  );
  app.openapi(
    defineRoute('central_sheet.export', {
      method: 'get',
      path: '/api/export/cases.xlsx',
      tags: ['documents'],
      summary: 'The central sheet: one row per case (XLSX)',
      responses: { 200: { description: 'XLSX file' } },
    }),
    async (c) => {
      const bytes = await exportCases(c.get('ctx'));
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': XLSX,
        'Content-Disposition': 'attachment; filename="Zentrales-Sheet.xlsx"',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
  app.openapi(
    defineRoute('central_sheet.import', {
      method: 'post',
      path: '/api/import/cases.xlsx',
      tags: ['documents'],
      summary: 'Read a central sheet back and compare it with the cases (changes nothing)',
      request: {
        body: {
          content: {
            [XLSX]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) },
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
          required: false,
        },
      },
      responses: ok('CentralSheetImport'),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const file: unknown = type.startsWith('multipart/form-data')
        ? (c.req.valid('form') as { file?: unknown }).file
        : undefined;
      return c.json(await importCases(c.get('ctx'), await uploadedBytes(type, file, c.req.raw)), 200);
    },
  );
  app.openapi(
    defineRoute('artifacts.read', {
      method: 'get',
      path: '/api/cases/{caseId}/bundle.zip',
      tags: ['artifacts'],
      summary: 'All files of the case in the four folders, with the sheet JSON (ZIP)',
      request: { params: CaseParams },
      responses: { 200: { description: 'ZIP file' } },
    }),
    async (c) => {
      const { zip, filename } = await caseBundle(c.get('ctx'), actorOf(c), c.req.valid('param').caseId);
      return c.body(new Uint8Array(zip), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
}

/** The XLSX as raw body or as the `file` part of a multipart form. */
async function uploadedBytes(type: string, file: unknown, req: Request): Promise<Buffer> {
  if (file instanceof File) {
    return Buffer.from(await file.arrayBuffer());
  }
  if (type.startsWith(XLSX)) {
    return Buffer.from(await req.arrayBuffer());
  }
  throw new AppError('VALIDATION_FAILED', 'Send the XLSX as body or as multipart part "file"', {
    issues: [{ code: 'missing_file', path: ['file'], message: 'expected an XLSX file', severity: 'error' }],
  });
}
