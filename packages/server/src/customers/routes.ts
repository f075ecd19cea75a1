import { z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { actorOf, defineRoute } from '../http/env.ts';
import { Id, json, ok, created } from '../http/openapi.ts';
import { getCustomer } from './service.ts';
import {
  CustomerKinds,
  addContact,
  customerAuditTrail,
  deleteContact,
  mergeCustomers,
  updateContact,
  updateCustomer,
  updateSite,
} from './edit.ts';

const CustomerParams = z.object({ customerId: Id });
const SiteParams = CustomerParams.extend({ siteId: Id });
const ContactParams = CustomerParams.extend({ contactId: Id });
/** Optional text that may be cleared: "" or null removes the value. */
const Clearable = (max: number) => z.string().max(max).nullable().optional();
const PostalCode = z.string().regex(/^\s*\d{5}\s*$/, 'German postal code: five digits');

const ContactFields = {
  name: z.string().trim().min(1).max(200),
  role: z.string().max(50).optional(),
  email: z
    .union([z.email(), z.literal('')])
    .nullable()
    .optional(),
  phone: Clearable(50),
  siteId: Id.nullable().optional(),
};

/** Editing customers, sites and contacts (issue 7); registered from http/routes.ts. */
export function registerCustomerRoutes(app: Api): void {
  app.openapi(
    defineRoute('customers.edit', {
      method: 'patch',
      path: '/api/customers/{customerId}',
      tags: ['customers'],
      summary:
        'Edit a customer (name, kind, e-mail, phone, customer number); 409 with a hint when the name would duplicate another practice',
      request: {
        params: CustomerParams,
        ...json(
          z
            .object({
              name: z.string().trim().min(1).max(200).optional(),
              kind: z.enum(CustomerKinds).optional(),
              email: z
                .union([z.email(), z.literal('')])
                .nullable()
                .optional(),
              phone: Clearable(50),
              customerNumber: Clearable(50),
            })
            .openapi('CustomerPatch'),
        ),
      },
      responses: ok('Customer'),
    }),
    async (c) => {
      const { db } = c.get('ctx');
      const { customerId } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => updateCustomer(tx, actorOf(c), customerId, body));
      return c.json(await getCustomer(db, customerId), 200);
    },
  );
  app.openapi(
    defineRoute('customers.edit', {
      method: 'patch',
      path: '/api/customers/{customerId}/sites/{siteId}',
      tags: ['customers'],
      summary:
        'Edit a site (name, address); sites are matched by normalised name + address, so a duplicate is a 409 naming the existing site',
      request: {
        params: SiteParams,
        ...json(
          z
            .object({
              name: z.string().trim().min(1).max(200).optional(),
              street: z.string().trim().min(1).max(200).optional(),
              postalCode: PostalCode.optional(),
              city: z.string().trim().min(1).max(100).optional(),
              country: z
                .string()
                .regex(/^[A-Za-z]{2}$/, 'ISO country code, e.g. DE')
                .optional(),
            })
            .openapi('SitePatch'),
        ),
      },
      responses: ok('Site'),
    }),
    async (c) => {
      const { customerId, siteId } = c.req.valid('param');
      const body = c.req.valid('json');
      const r = await c
        .get('ctx')
        .db.transaction((tx) => updateSite(tx, actorOf(c), customerId, siteId, body));
      return c.json(r, 200);
    },
  );
  app.openapi(
    defineRoute('customers.edit', {
      method: 'post',
      path: '/api/customers/{customerId}/contacts',
      tags: ['customers'],
      summary: 'Add a contact person (name, role, phone, e-mail; optionally at one site)',
      request: { params: CustomerParams, ...json(z.object(ContactFields).openapi('NewContact')) },
      responses: created('Contact'),
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const body = c.req.valid('json');
      const r = await c.get('ctx').db.transaction((tx) => addContact(tx, actorOf(c), customerId, body));
      return c.json(r, 201);
    },
  );
  app.openapi(
    defineRoute('customers.edit', {
      method: 'patch',
      path: '/api/customers/{customerId}/contacts/{contactId}',
      tags: ['customers'],
      summary: 'Edit a contact person',
      request: {
        params: ContactParams,
        ...json(z.object({ ...ContactFields, name: ContactFields.name.optional() }).openapi('ContactPatch')),
      },
      responses: ok('Contact'),
    }),
    async (c) => {
      const { customerId, contactId } = c.req.valid('param');
      const body = c.req.valid('json');
      const r = await c
        .get('ctx')
        .db.transaction((tx) => updateContact(tx, actorOf(c), customerId, contactId, body));
      return c.json(r, 200);
    },
  );
  app.openapi(
    defineRoute('customers.edit', {
      method: 'delete',
      path: '/api/customers/{customerId}/contacts/{contactId}',
      tags: ['customers'],
      summary: 'Remove a contact person (cases that named them keep the case, without the contact; audited)',
      request: { params: ContactParams },
      responses: ok('ContactDeleted'),
    }),
    async (c) => {
      const { customerId, contactId } = c.req.valid('param');
      const r = await c
        .get('ctx')
        .db.transaction((tx) => deleteContact(tx, actorOf(c), customerId, contactId));
      return c.json(r, 200);
    },
  );
  app.openapi(
    // Merging deletes a customer: helpdesk (R for accounts) and admin, not the dispatcher.
    defineRoute('customers.write', {
      method: 'post',
      path: '/api/customers/{customerId}/merge',
      tags: ['customers'],
      summary:
        'Merge a duplicate customer into this one: sites (same address → one site), contacts, cases and customer users move; the duplicate is deleted',
      request: {
        params: CustomerParams,
        ...json(z.object({ sourceCustomerId: Id }).openapi('CustomerMerge')),
      },
      responses: ok('Customer'),
    }),
    async (c) => {
      const { db } = c.get('ctx');
      const { customerId } = c.req.valid('param');
      const { sourceCustomerId } = c.req.valid('json');
      await db.transaction((tx) => mergeCustomers(tx, actorOf(c), customerId, sourceCustomerId));
      return c.json(await getCustomer(db, customerId), 200);
    },
  );
  app.openapi(
    // The roles that read a case's audit trail (dispatcher, helpdesk, admin) read a customer's.
    defineRoute('cases.audit_trail', {
      method: 'get',
      path: '/api/customers/{customerId}/audit-trail',
      tags: ['customers'],
      summary: 'Who changed the customer, its sites and contacts, when, before/after (newest first)',
      request: { params: CustomerParams },
      responses: ok('AuditTrail'),
    }),
    async (c) => c.json(await customerAuditTrail(c.get('ctx').db, c.req.valid('param').customerId), 200),
  );
}
