import { z } from 'zod';
import { DateSchema, TimestampSchema, TriStateSchema, sourced as s } from '../common/sourced.ts';

export const TiConnection = {
  /** A Konnektor box in the practice (Einboxkonnektor, e.g. KoCoBox, secunet, RISE). */
  konnektor: 'konnektor',
  /** TI-Gateway / Highspeed-Konnektor in a data centre, reached through a VPN box. */
  ti_gateway: 'ti_gateway',
  /** Hosted Konnektor (Konnektor-as-a-Service). */
  hosted_konnektor: 'hosted_konnektor',
  none: 'none',
} as const;
export type TiConnection = keyof typeof TiConnection;

export const CardType = {
  'SMC-B': 'SMC-B',
  HBA: 'HBA',
  EGK: 'EGK',
  'SMC-KT': 'SMC-KT',
  'SM-B': 'SM-B',
  KVK: 'KVK',
  UNKNOWN: 'UNKNOWN',
} as const;
export type CardType = keyof typeof CardType;

/** PIN states from the gematik CardService (GetPinStatus PinStatusEnum). */
export const PinStatus = {
  VERIFIED: 'VERIFIED',
  TRANSPORT_PIN: 'TRANSPORT_PIN',
  EMPTY_PIN: 'EMPTY_PIN',
  BLOCKED: 'BLOCKED',
  VERIFIABLE: 'VERIFIABLE',
  DISABLED: 'DISABLED',
} as const;
export type PinStatus = keyof typeof PinStatus;

export const CardTerminalSchema = z.object({
  id: z.string().max(100),
  name: z.string().max(200).optional(),
  ip: z.string().max(100).optional(),
  mac: z.string().max(50).optional(),
  workplaceIds: z.array(z.string().max(100)).default([]),
  connected: z.boolean().optional(),
  firmware: z.string().max(100).optional(),
  productName: z.string().max(200).optional(),
  /** Mobile terminals (ORGA 930 M online, Cherry ST-1530) are listed under mobileCardTerminals instead. */
  physical: z.boolean().optional(),
});
export type CardTerminal = z.infer<typeof CardTerminalSchema>;

export const CardSchema = z.object({
  type: z.enum(CardType),
  iccsn: z.string().max(40).optional(),
  /** Card holder (practice name on SMC-B, doctor on HBA). Never a patient: eGKs are not recorded. */
  holder: z.string().max(200).optional(),
  certificateExpiry: DateSchema.optional(),
  terminalId: z.string().max(100).optional(),
  slot: z.number().int().nonnegative().optional(),
  pinStatus: z.enum(PinStatus).optional(),
  /** HBA only: PIN.QES status. */
  pinStatusQes: z.enum(PinStatus).optional(),
  /** Which doctor (contact id) an HBA belongs to. */
  doctorId: z.string().max(64).optional(),
});
export type Card = z.infer<typeof CardSchema>;

/** Section "TI-Konformität" of the audit sheet. */
export const TiSectionSchema = z.object({
  connection: s(z.enum(TiConnection)).optional(),
  konnektor: z
    .object({
      host: s(z.string().max(255)).optional(),
      port: s(z.number().int().min(1).max(65535)).optional(),
      reachable443: s(z.boolean()).optional(),
      tls: s(
        z.object({
          protocol: z.string().max(20).optional(),
          subjectCn: z.string().max(200).optional(),
          notAfter: TimestampSchema.optional(),
          /** Chain verifies against the configured trust (CA bundle / pinned), or was only recorded. */
          trusted: z.boolean().optional(),
        }),
      ).optional(),
      sdsReadable: s(z.boolean()).optional(),
      product: s(
        z.object({
          vendor: z.string().max(100).optional(),
          productName: z.string().max(200).optional(),
          productType: z.string().max(100).optional(),
          productTypeVersion: z.string().max(50).optional(),
          firmwareVersion: z.string().max(50).optional(),
          hardwareVersion: z.string().max(50).optional(),
        }),
      ).optional(),
      /** Expiry of the gSMC-K certificate: the Konnektor must be replaced or migrated before it. */
      gsmcKExpiry: s(DateSchema).optional(),
      vpnTiOnline: s(z.boolean()).optional(),
      /** Errors/operating states the Konnektor reports (e.g. EC_CardTerminal_Not_Available). */
      operatingStates: s(z.array(z.object({ type: z.string(), severity: z.string().optional() }))).optional(),
      faults: s(z.array(z.object({ code: z.string(), message: z.string().max(500) }))).optional(),
      services: s(z.array(z.object({ name: z.string(), version: z.string() }))).optional(),
    })
    .default({}),
  context: z
    .object({
      mandantId: s(z.string().max(100)).optional(),
      clientSystemId: s(z.string().max(100)).optional(),
      workplaceIds: s(z.array(z.string().max(100))).optional(),
      userId: s(z.string().max(100)).optional(),
      /** Standort as configured in the PVS / Doctolib TI settings. */
      standort: s(z.string().max(200)).optional(),
      /** The context was accepted by the Konnektor (no 4004 etc.). */
      accepted: s(z.boolean()).optional(),
    })
    .default({}),
  terminals: s(z.array(CardTerminalSchema)).optional(),
  cards: s(z.array(CardSchema)).optional(),
  kim: z
    .object({
      clientModuleInstalled: s(z.boolean()).optional(),
      host: s(z.string().max(255)).optional(),
      reachable: s(z.boolean()).optional(),
      kimAddressActive: s(z.boolean()).optional(),
    })
    .default({}),
  /** Seed 002: the TI-Gateway migration checklist. */
  tiGatewayMigration: z
    .object({
      required: s(z.boolean()).optional(),
      twoFactorAppRegistered: s(z.boolean()).optional(),
      contactPerson: s(z.string().max(200)).optional(),
      adminPasswords: z
        .object({
          windows: s(z.boolean()).optional(),
          pvs: s(z.boolean()).optional(),
          tiGateway: s(z.boolean()).optional(),
          firewall: s(z.boolean()).optional(),
          router: s(z.boolean()).optional(),
        })
        .default({}),
      ownDhcpServerKnown: s(TriStateSchema).optional(),
      firewallPortsOpened: s(z.boolean()).optional(),
      vpnBoxDeliveryChecked: s(z.boolean()).optional(),
      kimMailsFetched: s(z.boolean()).optional(),
      appointment: s(DateSchema).optional(),
      oldKonnektorDecommissioned: s(z.boolean()).optional(),
      oldKonnektorReturned: s(z.boolean()).optional(),
    })
    .prefault({}),
});
export type TiSection = z.infer<typeof TiSectionSchema>;
