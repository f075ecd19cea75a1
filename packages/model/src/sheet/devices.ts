import { z } from 'zod';
import { DeviceKind } from '../entities/practice.ts';
import { TriStateSchema, sourced as s } from '../common/sourced.ts';
import { CpuArch, OsFamily } from './system.ts';
import { GdtFolderAuditSchema } from '../facts/gdt.ts';

/** GDT character sets by field 9206: 1 = 7-bit, 2 = IBM CP437 (default), 3 = ISO-8859-1 / CP1252. */
export const GdtCharset = {
  '7bit': '7bit',
  cp437: 'cp437',
  'iso-8859-1': 'iso-8859-1',
  utf8: 'utf8',
} as const;
export type GdtCharset = keyof typeof GdtCharset;

const GdtDirectionSchema = z.object({
  folder: s(z.string().max(500)).optional(),
  fileName: s(z.string().max(200)).optional(),
  folderExists: s(z.boolean()).optional(),
  writable: s(z.boolean()).optional(),
});

/** One medical device connected by GDT: export = order to the device, import = result back. */
export const GdtDeviceSchema = z.object({
  id: z.string().min(1).max(64),
  name: s(z.string().max(200)).optional(),
  /** EKG, Spirometrie, Sonographie, Audiometrie … */
  deviceType: s(z.string().max(100)).optional(),
  workplaceId: s(z.string().max(64)).optional(),
  gdtVersion: s(z.enum(['02.10', '03.00', 'other'])).optional(),
  /** 8315 (receiver) / 8316 (sender) ids as configured. */
  receiverId: s(z.string().max(8)).optional(),
  senderId: s(z.string().max(8)).optional(),
  export: GdtDirectionSchema.default({}),
  import: GdtDirectionSchema.extend({
    /** A synchronised folder is configured in the local component (DDV) for the result import. */
    syncFolderConfigured: s(z.boolean()).optional(),
  }).default({}),
  charsetConfigured: s(z.enum(GdtCharset)).optional(),
  /** Charset found in the files of the folders (GDT folder audit). */
  charsetObserved: s(z.enum(GdtCharset)).optional(),
  /** Untersuchungsart/-code (field 8402). */
  examinationCode: s(z.string().max(20)).optional(),
});
export type GdtDevice = z.infer<typeof GdtDeviceSchema>;

export const GdtSectionSchema = z.object({
  devices: z.array(GdtDeviceSchema).default([]),
  /** The PII-free folder audits from the probe. */
  folderAudits: s(z.array(GdtFolderAuditSchema)).optional(),
});

/** Mobile card terminal (seed 000/003: ORGA 930 M online, Cherry ST-1530; no ARM64 Macs). */
export const MobileCardTerminalSchema = z.object({
  id: z.string().min(1).max(64),
  model: s(z.string().max(100)),
  hostComputer: s(z.string().max(255)).optional(),
  hostOs: s(z.enum(OsFamily)).optional(),
  hostArch: s(z.enum(CpuArch)).optional(),
  driverPath: s(z.string().max(500)).optional(),
  driverInstalled: s(z.boolean()).optional(),
  /** Local component (DDV) configured for the terminal. */
  localComponentConfigured: s(z.boolean()).optional(),
});
export type MobileCardTerminal = z.infer<typeof MobileCardTerminalSchema>;

export const PrinterSchema = z.object({
  id: z.string().min(1).max(64),
  name: s(z.string().max(200)).optional(),
  host: s(z.string().max(255)).optional(),
  uri: s(z.string().max(500)).optional(),
  makeAndModel: s(z.string().max(200)).optional(),
  reachable: s(z.boolean()).optional(),
  ippSupported: s(z.boolean()).optional(),
  pdfSupported: s(z.boolean()).optional(),
  resolutionsDpi: s(z.array(z.number().int().positive())).optional(),
  trays: s(z.array(z.string().max(100))).optional(),
  state: s(z.string().max(50)).optional(),
});
export type Printer = z.infer<typeof PrinterSchema>;

/** Document types with their own printer/tray profile in direct print (seed 000: "z. B. AU"). */
export const DocumentType = {
  AU: 'AU',
  Rezept: 'Rezept',
  BTM: 'BTM',
  Ueberweisung: 'Ueberweisung',
  Labor: 'Labor',
  Standard: 'Standard',
} as const;
export type DocumentType = keyof typeof DocumentType;

export const PrintSectionSchema = z.object({
  printers: z.array(PrinterSchema).default([]),
  profiles: z
    .array(
      z.object({
        documentType: z.enum(DocumentType),
        printerId: s(z.string().max(64)),
        tray: s(z.string().max(100)).optional(),
      }),
    )
    .default([]),
  /** Document types that need a profile in this practice; default AU and Rezept. */
  requiredDocumentTypes: s(z.array(z.enum(DocumentType))).optional(),
});

/** One row of the device matrix (Peripherie). */
export const PeripheralSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(DeviceKind),
  name: s(z.string().max(200)),
  manufacturer: s(z.string().max(100)).optional(),
  model: s(z.string().max(100)).optional(),
  location: s(z.string().max(200)).optional(),
  workplaceId: s(z.string().max(64)).optional(),
  connection: s(z.enum(['usb', 'network', 'serial', 'gdt', 'bluetooth', 'other'])).optional(),
  ip: s(z.string().max(100)).optional(),
  /** Approved by the manufacturer for the OS (seed 004 "Geräteanbindungen"). */
  approvedForOs: s(TriStateSchema).optional(),
});
export type Peripheral = z.infer<typeof PeripheralSchema>;
