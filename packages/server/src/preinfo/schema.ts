import { z } from '@hono/zod-openapi';

/**
 * The pre-information form (BRIEF.md step 3): exactly these fields, nothing else of the case. The practice fills
 * it through its link; the helpdesk reads it.
 */
export const CredentialDelivery = {
  on_site: 'on_site',
  phone: 'phone',
  secure_link: 'secure_link',
  password_manager: 'password_manager',
  other: 'other',
} as const;

export const PreInfoSchema = z
  .object({
    contactPerson: z
      .object({
        name: z.string().min(1).max(200),
        phone: z.string().max(50).optional(),
        email: z.email().optional(),
      })
      .optional(),
    /** Device list: free lines or items with kind and model. */
    devices: z
      .array(
        z.object({
          kind: z.string().max(50),
          model: z.string().max(200).optional(),
          count: z.number().int().positive().optional(),
        }),
      )
      .max(200)
      .optional(),
    credentialsDelivery: z.enum(CredentialDelivery).optional(),
    credentialsNote: z.string().max(1000).optional(),
    /** How the technician gets network access (VPN, TeamViewer, on site, …). */
    networkAccess: z.string().max(1000).optional(),
    pvsInUse: z.string().max(200).optional(),
    konnektor: z.string().max(200).optional(),
    tiGateway: z.enum(['yes', 'no', 'planned', 'unknown']).optional(),
    workplaces: z.number().int().nonnegative().max(500).optional(),
    /** Practice size: persons permanently doing data processing (KBV size class). */
    staffInDataProcessing: z.number().int().nonnegative().max(10000).optional(),
    largeMedicalDevices: z.enum(['yes', 'no', 'unknown']).optional(),
    largeMedicalDevicesNote: z.string().max(500).optional(),
  })
  .strict()
  .openapi('PreInfo');
export type PreInfo = z.infer<typeof PreInfoSchema>;
