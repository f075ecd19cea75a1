import { z } from 'zod';
import { AppError, validateWith } from '@praxisready/model';

/**
 * A probe config file (`--config probe.json`): the same targets as the command line, so a technician can
 * prepare one per practice. No secrets: passwords and passphrases only come from the environment or a prompt.
 */
export const ProbeConfigFileSchema = z
  .object({
    pvsServer: z.string().max(255).optional(),
    pvsProduct: z.string().max(50).optional(),
    konnektor: z
      .object({
        url: z.url(),
        mandantId: z.string().max(64).optional(),
        clientSystemId: z.string().max(64).optional(),
        workplaceId: z.string().max(64).optional(),
        userId: z.string().max(64).optional(),
        username: z.string().max(200).optional(),
        pkcs12: z.string().max(1000).optional(),
        caFile: z.string().max(1000).optional(),
      })
      .strict()
      .optional(),
    kim: z.array(z.string().max(255)).optional(),
    cardTerminals: z.array(z.string().max(255)).optional(),
    printers: z.array(z.string().max(300)).optional(),
    gdtDirs: z.array(z.string().max(1000)).optional(),
    hosts: z.record(z.string().max(255), z.string().max(100)).optional(),
    windowsRoot: z.string().max(1000).optional(),
    dnssd: z.boolean().optional(),
    internet: z.boolean().optional(),
    scan: z.string().max(50).optional(),
    upload: z.url().optional(),
    caseId: z.string().max(64).optional(),
  })
  .strict();
export type ProbeConfigFile = z.infer<typeof ProbeConfigFileSchema>;

/** Parses a config file's JSON; unknown keys and secrets are rejected with the path named. */
export function parseProbeConfig(value: unknown): ProbeConfigFile {
  const result = validateWith(ProbeConfigFileSchema, value);
  if (!result.success) {
    throw new AppError('CONFIG_INVALID', 'Invalid probe config file', {
      issues: result.issues,
      hint: 'Schlüssel und Werte der Konfigurationsdatei prüfen (Passwörter gehören nicht hinein).',
    });
  }
  return result.data;
}
