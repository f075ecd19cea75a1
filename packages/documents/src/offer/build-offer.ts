import type { AuditSheet, Finding, Issue, Result } from '@praxisready/model';
import { ok } from '@praxisready/model';
import { addDays } from '../common/format.ts';
import { lineTotalCents, toMilli, vatCents } from '../common/money.ts';
import type { CatalogItem, PriceCatalog } from './catalog.ts';

/** One line of the offer; amounts in integer cents, quantity in thousandths. */
export interface OfferLine {
  pos: number;
  item: CatalogItem;
  quantityMilli: number;
  unitCents: number;
  totalCents: number;
  /** Check ids (and subjects) whose failure proposes this line. */
  reasons: string[];
}

export interface VatGroup {
  basisPoints: number;
  netCents: number;
  vatCents: number;
}

export interface Offer {
  number: string;
  date: string;
  validUntil: string;
  lines: OfferLine[];
  netCents: number;
  vatGroups: VatGroup[];
  vatCents: number;
  grossCents: number;
  /** Maintenance contract options, not part of the total. */
  options: { item: CatalogItem; netCents: number; vatCents: number; grossCents: number }[];
}

export interface BuildOfferOptions {
  now: Date;
  /** Offer number; defaults to `ANG-<case or sheet id>`. */
  number?: string;
  /** Extra lines by hand (item id and quantity). */
  extra?: readonly { itemId: string; quantity: number }[];
}

/**
 * Builds the offer from the failing findings' offer items and the price catalog: the "PVS-Ready" package first,
 * then one line per catalog item with the quantities summed; items the package includes are not charged twice.
 * Unknown item ids become warnings (the line is left out), never a crash.
 */
export function buildOffer(
  sheet: AuditSheet,
  findings: readonly Finding[],
  catalog: PriceCatalog,
  opts: BuildOfferOptions,
): Result<Offer> {
  const issues: Issue[] = [];
  const pkg = catalog.packageItemId ? catalog.items.get(catalog.packageItemId) : undefined;
  const covered = new Set(pkg?.includes ?? []);
  const wanted = new Map<string, { milli: number; reasons: string[] }>();
  const add = (itemId: string, quantity: number, reason: string, path: (string | number)[]) => {
    const item = catalog.items.get(itemId);
    const milli = toMilli(quantity);
    if (!item) {
      issues.push({
        code: 'unknown_offer_item',
        path,
        message: `Offer item ${itemId} is not in the price catalog`,
        severity: 'warning',
      });
      return;
    }
    if (milli === undefined || milli === 0) {
      issues.push({
        code: 'invalid_quantity',
        path,
        message: `Quantity ${quantity} for ${itemId} is not usable`,
        severity: 'warning',
      });
      return;
    }
    if (covered.has(itemId) || item.kind !== 'position') {
      return;
    }
    const entry = wanted.get(itemId) ?? { milli: 0, reasons: [] };
    entry.milli += milli;
    entry.reasons.push(reason);
    wanted.set(itemId, entry);
  };
  findings.forEach((f, i) => {
    if ((f.status === 'fail' || f.status === 'warn') && f.offerItem) {
      add(f.offerItem.itemId, f.offerItem.quantity, `${f.checkId}${f.subject ? ` (${f.subject})` : ''}`, [
        'findings',
        i,
        'offerItem',
      ]);
    }
  });
  (opts.extra ?? []).forEach((x, i) => add(x.itemId, x.quantity, 'manual', ['extra', i]));

  const lines: OfferLine[] = [];
  if (pkg) {
    lines.push({
      pos: 1,
      item: pkg,
      quantityMilli: 1000,
      unitCents: pkg.unitCents,
      totalCents: pkg.unitCents,
      reasons: [],
    });
  }
  // Catalog order keeps offers stable and groups similar items.
  for (const item of catalog.items.values()) {
    const w = wanted.get(item.id);
    if (w) {
      lines.push({
        pos: lines.length + 1,
        item,
        quantityMilli: w.milli,
        unitCents: item.unitCents,
        totalCents: lineTotalCents(item.unitCents, w.milli),
        reasons: w.reasons,
      });
    }
  }
  const groups = new Map<number, number>();
  for (const l of lines) {
    groups.set(l.item.vatBasisPoints, (groups.get(l.item.vatBasisPoints) ?? 0) + l.totalCents);
  }
  // VAT is computed on the net sum per rate (as on an invoice), not per line.
  const vatGroups = [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([basisPoints, netCents]) => ({ basisPoints, netCents, vatCents: vatCents(netCents, basisPoints) }));
  const netCents = vatGroups.reduce((s, g) => s + g.netCents, 0);
  const vat = vatGroups.reduce((s, g) => s + g.vatCents, 0);
  const options = catalog.maintenanceItemIds
    .map((id) => catalog.items.get(id))
    .filter((x): x is CatalogItem => x !== undefined)
    .map((item) => {
      const v = vatCents(item.unitCents, item.vatBasisPoints);
      return { item, netCents: item.unitCents, vatCents: v, grossCents: item.unitCents + v };
    });
  const date = opts.now.toISOString().slice(0, 10);
  return ok(
    {
      number: opts.number ?? `ANG-${sheet.caseId ?? sheet.id}`,
      date,
      validUntil: addDays(opts.now, catalog.validityDays),
      lines,
      netCents,
      vatGroups,
      vatCents: vat,
      grossCents: netCents + vat,
      options,
    },
    issues,
  );
}
