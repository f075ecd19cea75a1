import { z } from 'zod';

export const AddressSchema = z.object({
  street: z.string().max(200),
  postalCode: z.string().regex(/^\d{5}$/, 'German postal code: five digits'),
  city: z.string().max(100),
  country: z.string().length(2).default('DE'),
});
export type Address = z.infer<typeof AddressSchema>;

export const ContactRole = {
  owner: 'owner',
  practice_manager: 'practice_manager',
  it_contact: 'it_contact',
  doctor: 'doctor',
  staff: 'staff',
  other: 'other',
} as const;
export type ContactRole = keyof typeof ContactRole;

/** A person at the practice (or the Systemhaus side, e.g. the ranger). */
export const ContactSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  role: z.enum(ContactRole).default('other'),
  email: z.email().optional(),
  phone: z.string().max(50).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** The customer: a practice (Einzelpraxis, BAG, MVZ). */
export const PracticeSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  kind: z.enum(['einzelpraxis', 'bag', 'mvz', 'other']).default('einzelpraxis'),
  /** Fachrichtung, e.g. Allgemeinmedizin, Kardiologie. */
  specialty: z.string().max(100).optional(),
  customerNumber: z.string().max(50).optional(),
  address: AddressSchema.optional(),
  email: z.email().optional(),
  phone: z.string().max(50).optional(),
  contacts: z.array(ContactSchema).default([]),
});
export type Practice = z.infer<typeof PracticeSchema>;

/** A location of a practice; the audit is per site. */
export const SiteSchema = z.object({
  id: z.string().min(1).max(64),
  practiceId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  address: AddressSchema.optional(),
});
export type Site = z.infer<typeof SiteSchema>;

/** Device classes of the device matrix (seed 000: Drucker, Scanner, Kartenleser TI/eGK/EC, Labor, Diagnose). */
export const DeviceKind = {
  printer: 'printer',
  scanner: 'scanner',
  card_terminal: 'card_terminal',
  mobile_card_terminal: 'mobile_card_terminal',
  ec_terminal: 'ec_terminal',
  lab_device: 'lab_device',
  diagnostic_device: 'diagnostic_device',
  large_medical_device: 'large_medical_device',
  konnektor: 'konnektor',
  router: 'router',
  firewall: 'firewall',
  switch: 'switch',
  nas: 'nas',
  ups: 'ups',
  other: 'other',
} as const;
export type DeviceKind = keyof typeof DeviceKind;
