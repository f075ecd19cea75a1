import { GdtCharsets, type GdtCharset } from './charset.ts';
import { createRecord, type GdtRecord } from './gdt-file.ts';

export interface OrderInput {
  /** GDT-ID of the device (8315, ≤ 8 characters). */
  receiverId: string;
  /** GDT-ID of the PVS (8316). */
  senderId: string;
  patient: {
    /** 3000 Patientennummer. */
    number: string;
    lastName?: string;
    firstName?: string;
    /** 3103 as TTMMJJJJ. */
    birthDate?: string;
    /** 3110: `1` male, `2` female. */
    sex?: '1' | '2';
  };
  /** 8402 examination code, e.g. `EKG01`. */
  examination?: string;
  /** Default CP437. */
  charset?: GdtCharset;
  /** 9218, default `02.10`. */
  version?: string;
  /** 0103 software name. */
  software?: string;
}

/**
 * A 6302 "Neue Untersuchung anfordern" in the order Elexis and T2med write it (gdt.md §4.1): header
 * (8315, 8316, 9206, 9218), software, patient, then 8402.
 */
export function buildOrder(input: OrderInput): GdtRecord {
  const charset = input.charset ?? 'cp437';
  const p = input.patient;
  const fields: [string, string][] = [
    ['8315', input.receiverId],
    ['8316', input.senderId],
    ['9206', GdtCharsets[charset].code],
    ['9218', input.version ?? '02.10'],
  ];
  if (input.software !== undefined) {
    fields.push(['0103', input.software]);
  }
  fields.push(['3000', p.number]);
  const optional: [string, string | undefined][] = [
    ['3101', p.lastName],
    ['3102', p.firstName],
    ['3103', p.birthDate],
    ['3110', p.sex],
    ['8402', input.examination],
  ];
  for (const [id, v] of optional) {
    if (v !== undefined && v !== '') {
      fields.push([id, v]);
    }
  }
  return createRecord('6302', fields, { charset });
}
