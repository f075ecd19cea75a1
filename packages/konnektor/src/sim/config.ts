import { z } from 'zod';

/** Operations the simulator answers (plus the SDS), used as keys for fault injection. */
export const SIM_OPERATIONS = [
  'connector.sds',
  'GetResourceInformation',
  'GetCardTerminals',
  'GetCards',
  'GetPinStatus',
  'CheckCertificateExpiration',
  'ReadCardCertificate',
] as const;
export type SimOperation = (typeof SIM_OPERATIONS)[number];

export const SIM_VENDORS = ['kocobox', 'secunet', 'rise', 'hsk'] as const;
export type SimVendor = (typeof SIM_VENDORS)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const iccsn = z.string().regex(/^\d{20}$/, '20 digits');
const id64 = z.string().min(1).max(64);
const PIN_STATUS = ['VERIFIED', 'TRANSPORT_PIN', 'EMPTY_PIN', 'BLOCKED', 'VERIFIABLE'] as const;
const PinSchema = z.object({
  status: z.enum(PIN_STATUS),
  leftTries: z.number().int().min(0).max(9).optional(),
});

export const SimContextSchema = z.object({
  mandantId: id64,
  clientSystemId: id64,
  workplaceId: id64,
  userId: id64.optional(),
});

export const SimTerminalSchema = z.object({
  ctId: id64,
  name: z.string().min(1).max(128),
  ipAddress: z.ipv4(),
  macAddress: z.string().regex(/^[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}$/, 'xx-xx-xx-xx-xx-xx'),
  workplaceIds: z.array(id64).default([]),
  connected: z.boolean().default(true),
  slots: z.number().int().min(1).max(16).default(4),
  product: z
    .object({
      vendorId: z.string().regex(/^[A-Za-z0-9_]{1,5}$/),
      productCode: z.string().min(1).max(8),
      vendorName: z.string().min(1),
      productName: z.string().min(1),
      hwVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
      fwVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
      productType: z.string().default('KT'),
      productTypeVersion: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .default('1.5.0'),
    })
    .default({
      vendorId: 'INGHC',
      productCode: 'ORGA6100',
      vendorName: 'Ingenico Healthcare GmbH',
      productName: 'ORGA 6141 online',
      hwVersion: '1.0.0',
      fwVersion: '3.8.2',
      productType: 'KT',
      productTypeVersion: '1.5.0',
    }),
});

export const SimCardSchema = z.object({
  type: z.enum(['SMC-B', 'HBA', 'EGK', 'SMC-KT']),
  iccsn,
  holder: z.string().min(1).max(128),
  expires: date,
  ctId: id64,
  slot: z.number().int().min(1).max(16),
  handle: z.string().min(1).max(128).optional(),
  insertTime: z.iso.datetime({ offset: true }).optional(),
  objectSystemVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('4.4.0'),
  mandants: z.array(id64).optional(),
  kvnr: z
    .string()
    .regex(/^[A-Z]\d{9}$/)
    .optional(),
  pins: z.partialRecord(z.enum(['PIN.SMC', 'PIN.CH', 'PIN.QES']), PinSchema).default({}),
});

export const SimErrorStateSchema = z.object({
  condition: z.string().min(1).max(128),
  severity: z.enum(['Fatal', 'Error', 'Warning', 'Info']),
  type: z.enum(['Operation', 'Security', 'Infrastructure']),
  active: z.boolean(),
  validFrom: z.iso.datetime({ offset: true }).optional(),
});

export const SimConnectorSchema = z.object({
  iccsn: iccsn.default('80276003640000909999'),
  certificateIssued: date.default('2024-02-24'),
  certificateNotAfter: date.default('2029-02-23'),
  vpnTi: z.enum(['Online', 'Offline']).default('Online'),
  vpnSis: z.enum(['Online', 'Offline']).default('Offline'),
  errorStates: z.array(SimErrorStateSchema).default([]),
  firmwareVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .optional(),
  productTypeVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .optional(),
});

const simOperation = z.enum(SIM_OPERATIONS);

export const SimFaultSchema = z.object({
  delayMs: z.number().int().min(0).max(600_000).optional(),
  hang: z.array(simOperation).default([]),
  malformed: z.array(simOperation).default([]),
  faultCodes: z.partialRecord(simOperation, z.string().regex(/^\d{4}$/)).default({}),
  sdsEndpointHost: z.string().min(1).optional(),
  sdsMissing: z.boolean().default(false),
  checkCertificateExpirationFailsWithHba: z.boolean().default(false),
});

const loopback = z
  .string()
  .regex(
    /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/,
    'a 127.x.y.z address',
  );

/** The simulator configuration (validated by {@link startKonnektorSimulator}). */
export const SimulatorConfigSchema = z
  .object({
    host: loopback.default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    profile: z.enum(['konnektor', 'ti-gateway']).default('konnektor'),
    vendor: z.enum(SIM_VENDORS).default('kocobox'),
    scheme: z.enum(['http', 'https']).default('https'),
    basicAuth: z.object({ username: z.string().min(1), password: z.string().min(1) }).optional(),
    contexts: z.array(SimContextSchema).min(1),
    connector: SimConnectorSchema.default(SimConnectorSchema.parse({})),
    terminals: z.array(SimTerminalSchema).default([]),
    cards: z.array(SimCardSchema).default([]),
    faults: SimFaultSchema.default(SimFaultSchema.parse({})),
    now: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.profile === 'ti-gateway' && c.scheme === 'http') {
      ctx.addIssue({
        code: 'custom',
        path: ['scheme'],
        message: 'the ti-gateway profile is https only (A_23303)',
      });
    }
    if (c.profile === 'ti-gateway' && c.basicAuth) {
      ctx.addIssue({
        code: 'custom',
        path: ['basicAuth'],
        message: 'the ti-gateway profile uses client certificates',
      });
    }
    const handles = new Set<string>();
    c.cards.forEach((card, i) => {
      if (card.handle !== undefined) {
        if (handles.has(card.handle)) {
          ctx.addIssue({ code: 'custom', path: ['cards', i, 'handle'], message: 'duplicate card handle' });
        }
        handles.add(card.handle);
      }
    });
  });

export type SimulatorConfigInput = z.input<typeof SimulatorConfigSchema>;
export type SimulatorConfig = z.output<typeof SimulatorConfigSchema>;
export type SimCard = z.output<typeof SimCardSchema>;
export type SimTerminal = z.output<typeof SimTerminalSchema>;
export type SimContext = z.output<typeof SimContextSchema>;
