import { z } from 'zod';
import { DateSchema, TriStateSchema, sourced as s } from '../common/sourced.ts';

const Weekday = z.enum(['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so']);

/**
 * The backup protocol of seed 004 ("Datensicherungsprotokoll"): Angaben zur Datensicherung,
 * Datensicherungseinstellungen, Datensicherungsinhalt, Einweisung, Testdatensicherung.
 */
export const BackupSectionSchema = z.object({
  /** Angaben zur Datensicherung. */
  details: z
    .object({
      device: s(z.string().max(200)).optional(),
      software: s(z.string().max(200)).optional(),
      medium: s(z.string().max(200)).optional(),
      mediaCount: s(z.number().int().nonnegative()).optional(),
      encryptionOffsite: s(z.boolean()).optional(),
      encryptionOnsite: s(z.boolean()).optional(),
      /** The password exists and is kept in the practice; the password itself lives in the vault only. */
      encryptionPasswordDeposited: s(z.boolean()).optional(),
      practiceDeclinesEncryption: s(z.boolean()).optional(),
    })
    .default({}),
  /** Datensicherungseinstellungen. */
  settings: z
    .object({
      kind: s(z.enum(['file', 'image', 'file_and_image'])).optional(),
      weekdays: s(z.array(Weekday)).optional(),
      /** Start time "HH:MM" or "manual". */
      start: s(z.string().regex(/^(\d{2}:\d{2}|manual)$/)).optional(),
      protocol: s(z.enum(['backup_software_log', 'other'])).optional(),
      additionalBackups: s(
        z.array(z.object({ kind: z.string().max(100), time: z.string().max(50) })),
      ).optional(),
      monitoring: s(z.boolean()).optional(),
    })
    .default({}),
  /** Datensicherungsinhalt. */
  content: z
    .object({
      paths: s(z.array(z.string().max(500))).optional(),
      sqlDatabases: s(z.array(z.string().max(200))).optional(),
      sqlPluginPresent: s(z.boolean()).optional(),
    })
    .default({}),
  /** 3-2-1: copies, media types, offsite copy. */
  copies: s(z.number().int().nonnegative()).optional(),
  mediaTypes: s(z.number().int().nonnegative()).optional(),
  offsiteCopy: s(z.boolean()).optional(),
  lastSuccessfulBackup: s(DateSchema).optional(),
  /** Testdatensicherung. */
  test: z
    .object({
      result: s(z.enum(['success', 'not_possible', 'not_wanted'])).optional(),
      reasonNotPossible: s(z.string().max(500)).optional(),
      restoreVerified: s(z.boolean()).optional(),
      date: s(DateSchema).optional(),
    })
    .default({}),
  /** Einweisung in die Datensicherung: names of instructed persons and confirmation. */
  instruction: z
    .object({
      persons: s(z.array(z.string().max(200))).optional(),
      confirmed: s(z.boolean()).optional(),
      date: s(DateSchema).optional(),
    })
    .default({}),
});
export type BackupSection = z.infer<typeof BackupSectionSchema>;

/** Section "IT-Sicherheit": updates, AV/EDR, rights, logging (machine-level facts live on each machine). */
export const SecuritySectionSchema = z.object({
  updatesManaged: s(z.boolean()).optional(),
  avCentrallyManaged: s(z.boolean()).optional(),
  adminAccountsSeparated: s(z.boolean()).optional(),
  individualUserAccounts: s(z.boolean()).optional(),
  loggingEnabled: s(z.boolean()).optional(),
  passwordPolicy: s(z.boolean()).optional(),
  mfaRemoteAccess: s(TriStateSchema).optional(),
  staffAwarenessTraining: s(z.boolean()).optional(),
  emergencyPlan: s(z.boolean()).optional(),
});
export type SecuritySection = z.infer<typeof SecuritySectionSchema>;
