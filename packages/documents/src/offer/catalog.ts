import { z } from 'zod';
import type { Result } from '@praxisready/model';
import { LocalizedTextSchema, validateWith, ok, fail } from '@praxisready/model';
import { parseCents, percentToBasisPoints } from '../common/money.ts';

/**
 * The price catalog an admin edits (JSON). Prices are decimal strings with a dot ("149.00") so that no
 * floating point value ever becomes an amount; they are parsed to integer cents.
 */
export const PriceCatalogItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/),
  text: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  unit: LocalizedTextSchema,
  /** Net unit price in euros, decimal string with at most two decimals, e.g. "149.00". */
  unitPriceNet: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, 'decimal with a dot and at most two decimals, e.g. "149.00"'),
  /** VAT rate in percent, e.g. 19 or 7. */
  vatRate: z.number().min(0).max(100),
  /** position = normal line; package = the "PVS-Ready" bundle; maintenance = recurring contract option. */
  kind: z.enum(['position', 'package', 'maintenance']).default('position'),
  /** Package only: item ids the package already covers (they are not charged again). */
  includes: z.array(z.string()).default([]),
  /** Maintenance only: billing period. */
  period: z.enum(['month', 'year']).optional(),
});

export const PriceCatalogSchema = z.object({
  currency: z.literal('EUR').default('EUR'),
  /** Days the offer stays valid. */
  validityDays: z.number().int().positive().default(30),
  /** Id of the "PVS-Ready" package item, included in every offer. */
  packageItemId: z.string().optional(),
  /** Ids of maintenance contract options shown below the totals. */
  maintenanceItemIds: z.array(z.string()).default([]),
  items: z.array(PriceCatalogItemSchema).min(1),
});
export type PriceCatalogInput = z.input<typeof PriceCatalogSchema>;

export interface CatalogItem {
  id: string;
  text: { de: string; en: string };
  description?: { de: string; en: string };
  unit: { de: string; en: string };
  unitCents: number;
  vatBasisPoints: number;
  kind: 'position' | 'package' | 'maintenance';
  includes: string[];
  period?: 'month' | 'year';
}

export interface PriceCatalog {
  validityDays: number;
  packageItemId?: string;
  maintenanceItemIds: string[];
  items: Map<string, CatalogItem>;
}

/** Validates a catalog (parsed JSON) and converts prices to integer cents; every problem becomes an issue. */
export function parsePriceCatalog(value: unknown): Result<PriceCatalog> {
  const r = validateWith(PriceCatalogSchema, value);
  if (!r.success) {
    return r;
  }
  const issues: Result<never>['issues'] = [];
  const items = new Map<string, CatalogItem>();
  r.data.items.forEach((it, i) => {
    const cents = parseCents(it.unitPriceNet);
    const bp = percentToBasisPoints(it.vatRate);
    if (items.has(it.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['items', i, 'id'],
        message: `Duplicate item id ${it.id}`,
        severity: 'error',
      });
    }
    if (cents === undefined || bp === undefined) {
      issues.push({
        code: 'invalid_amount',
        path: ['items', i, cents === undefined ? 'unitPriceNet' : 'vatRate'],
        message: 'Invalid amount',
        severity: 'error',
      });
      return;
    }
    items.set(it.id, {
      id: it.id,
      text: it.text,
      ...(it.description ? { description: it.description } : {}),
      unit: it.unit,
      unitCents: cents,
      vatBasisPoints: bp,
      kind: it.kind,
      includes: it.includes,
      ...(it.period ? { period: it.period } : {}),
    });
  });
  const refs: [string, (string | number)[]][] = [
    ...(r.data.packageItemId
      ? [[r.data.packageItemId, ['packageItemId']] as [string, (string | number)[]]]
      : []),
    ...r.data.maintenanceItemIds.map((id, i): [string, (string | number)[]] => [
      id,
      ['maintenanceItemIds', i],
    ]),
  ];
  for (const [id, path] of refs) {
    if (!items.has(id)) {
      issues.push({ code: 'unknown_item', path, message: `No catalog item ${id}`, severity: 'error' });
    }
  }
  if (issues.length > 0) {
    return fail(issues);
  }
  return ok({
    validityDays: r.data.validityDays,
    ...(r.data.packageItemId ? { packageItemId: r.data.packageItemId } : {}),
    maintenanceItemIds: r.data.maintenanceItemIds,
    items,
  });
}
