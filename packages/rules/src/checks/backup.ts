import type { Evidence } from '@praxisready/model';
import { daysUntil, deDate, ev, evRaw, fail, missing, pass, t, unknown, warn } from '../engine/helpers.ts';
import type { Check } from '../engine/types.ts';

const REF = 'Seed 004, Empfehlungen zur Datensicherung';
const PROTOCOL = 'Seed 004, Datensicherungsprotokoll';
/** A backup older than this is stale ("Das Sicherungsprotokoll muss täglich geprüft werden"). */
export const BACKUP_MAX_AGE_DAYS = 3;

export const backupChecks: Check[] = [
  {
    id: 'backup.3-2-1',
    area: 'backup',
    severity: 'critical',
    title: t(
      'Datensicherung nach 3-2-1 (3 Kopien, 2 Medientypen, 1 extern)',
      '3-2-1 backup (3 copies, 2 media types, 1 offsite)',
    ),
    reference: `Seed 000, Schritt 4 (IT-Sicherheit: Backup 3-2-1); ${REF}`,
    kbvRefs: ['A1-21', 'A1-23'],
    offerItem: { itemId: 'backup.concept', quantity: 1 },
    remediation: t(
      'Sicherungskonzept nach 3-2-1 umsetzen, z. B. Variante 2 des Seeds: RDX-Medium pro Arbeitstag (extern aufbewahrt) plus NAS im RAID1, optional verschlüsseltes Cloud-Backup (Variante 3).',
      'Implement 3-2-1, e.g. variant 2 of the seed: one RDX medium per working day (kept offsite) plus a RAID1 NAS, optionally an encrypted cloud backup (variant 3).',
    ),
    run: (ctx) => {
      const b = ctx.sheet.backup;
      const e = [
        ev('backup.copies', b.copies),
        ev('backup.mediaTypes', b.mediaTypes),
        ev('backup.offsiteCopy', b.offsiteCopy),
      ];
      if (b.copies === undefined || b.mediaTypes === undefined || b.offsiteCopy === undefined) {
        return [
          unknown(
            t(
              'Kopien, Medientypen oder externe Kopie nicht erfasst.',
              'Copies, media types or offsite copy not recorded.',
            ),
            e,
          ),
        ];
      }
      const gaps = [
        ...(b.copies.value < 3 ? [`${b.copies.value} statt 3 Kopien`] : []),
        ...(b.mediaTypes.value < 2 ? [`${b.mediaTypes.value} statt 2 Medientypen`] : []),
        ...(b.offsiteCopy.value ? [] : ['keine externe Kopie']),
      ];
      return [
        gaps.length === 0
          ? pass(t('3-2-1 erfüllt.', '3-2-1 met.'), e)
          : fail(
              t(
                `3-2-1 nicht erfüllt: ${gaps.join(', ')}.`,
                `3-2-1 not met: ${gaps.join(', ').replace('statt', 'instead of').replace('Kopien', 'copies').replace('Medientypen', 'media types').replace('keine externe Kopie', 'no offsite copy')}.`,
              ),
              e,
            ),
      ];
    },
  },
  {
    id: 'backup.offsite',
    area: 'backup',
    severity: 'high',
    title: t('Externe Aufbewahrung einer Sicherung (offsite)', 'Offsite backup copy'),
    reference: `${REF} (Art und Weise: Sicherungsjob nach extern, Brandschutz/Datenschutztresor)`,
    kbvRefs: ['A1-22'],
    offerItem: { itemId: 'backup.offsite', quantity: 1 },
    remediation: t(
      'Der Sicherungsjob nach Ende der Datenverarbeitung muss extern gesichert aufbewahrt werden (Brandschutz/Datenschutztresor) oder verschlüsselt in ein deutsches Rechenzentrum übertragen werden.',
      'The backup after the end of the working day must be kept offsite (fire/data safe) or transferred encrypted to a German data centre.',
    ),
    run: (ctx) => {
      const o = ctx.sheet.backup.offsiteCopy;
      if (o === undefined) {
        return [missing('backup.offsiteCopy', t('externe Kopie', 'offsite copy'))];
      }
      const e = [ev('backup.offsiteCopy', o)];
      return [
        o.value
          ? pass(t('Eine Kopie wird extern aufbewahrt.', 'A copy is kept offsite.'), e)
          : fail(t('Keine externe Sicherungskopie.', 'No offsite backup copy.'), e),
      ];
    },
  },
  {
    id: 'backup.encryption',
    area: 'backup',
    severity: 'high',
    title: t('Sicherungsmedien verschlüsselt', 'Backup media encrypted'),
    reference: `${REF} (Verschlüsselung der Medien: BitLocker)`,
    kbvRefs: ['A1-22'],
    remediation: t(
      'Sicherungsmedien verschlüsseln (BitLocker bzw. Verschlüsselung der Sicherungssoftware); das Passwort verbleibt in der Praxis.',
      'Encrypt backup media (BitLocker or the backup software); the password stays in the practice.',
    ),
    run: (ctx) => {
      const d = ctx.sheet.backup.details;
      const e = [
        ev('backup.details.encryptionOffsite', d.encryptionOffsite),
        ev('backup.details.encryptionOnsite', d.encryptionOnsite),
        ev('backup.details.practiceDeclinesEncryption', d.practiceDeclinesEncryption),
      ];
      if (d.encryptionOffsite?.value === false || d.encryptionOnsite?.value === false) {
        return d.practiceDeclinesEncryption?.value === true
          ? [
              warn(
                t(
                  'Praxis wünscht keine Verschlüsselung (im Protokoll vermerkt).',
                  'The practice declines encryption (recorded in the protocol).',
                ),
                e,
              ),
            ]
          : [
              fail(
                t(
                  `Unverschlüsselt: ${[d.encryptionOffsite?.value === false ? 'offsite' : '', d.encryptionOnsite?.value === false ? 'onsite' : ''].filter(Boolean).join(', ')}.`,
                  'Backups are not encrypted.',
                ),
                e,
              ),
            ];
      }
      if (d.encryptionOffsite === undefined || d.encryptionOnsite === undefined) {
        return [unknown(t('Verschlüsselung nicht erfasst.', 'Encryption not recorded.'), e)];
      }
      if (d.encryptionPasswordDeposited?.value === false) {
        return [
          warn(
            t(
              'Verschlüsselt, aber das Passwort ist in der Praxis nicht hinterlegt: ohne Passwort keine Wiederherstellung.',
              'Encrypted, but the password is not deposited in the practice: no restore without it.',
            ),
            [...e, ev('backup.details.encryptionPasswordDeposited', d.encryptionPasswordDeposited)],
          ),
        ];
      }
      return [pass(t('Onsite und offsite verschlüsselt.', 'Encrypted onsite and offsite.'), e)];
    },
  },
  {
    id: 'backup.restore-tested',
    area: 'backup',
    severity: 'critical',
    title: t('Testdatensicherung und Rücksicherung geprüft', 'Test backup and restore verified'),
    reference: `${PROTOCOL} (Testdatensicherung)`,
    kbvRefs: ['A1-25'],
    offerItem: { itemId: 'backup.restore-test', quantity: 1 },
    remediation: t(
      'Testlauf durchführen und eine Überprüfung der Datensicherung/Rücksicherung dokumentieren.',
      'Run a test and document a verification of backup and restore.',
    ),
    run: (ctx) => {
      const x = ctx.sheet.backup.test;
      const e = [ev('backup.test.result', x.result), ev('backup.test.restoreVerified', x.restoreVerified)];
      if (x.result === undefined) {
        return [missing('backup.test.result', t('Testdatensicherung', 'test backup'))];
      }
      if (x.result.value === 'not_wanted') {
        return [
          warn(
            t(
              'Überprüfung der Datensicherung/Rücksicherung wurde von der Praxis nicht gewünscht.',
              'The practice did not want backup/restore verification.',
            ),
            e,
          ),
        ];
      }
      if (x.result.value === 'not_possible') {
        return [
          fail(
            t(
              `Testlauf war nicht möglich${x.reasonNotPossible ? `: ${x.reasonNotPossible.value}` : ''}.`,
              `Test run was not possible${x.reasonNotPossible ? `: ${x.reasonNotPossible.value}` : ''}.`,
            ),
            e,
          ),
        ];
      }
      if (x.restoreVerified?.value === false) {
        return [
          fail(
            t(
              'Testlauf erfolgreich, Rücksicherung aber nicht überprüft.',
              'Test run succeeded but restore not verified.',
            ),
            e,
          ),
        ];
      }
      if (x.restoreVerified === undefined) {
        return [unknown(t('Rücksicherung nicht erfasst.', 'Restore verification not recorded.'), e)];
      }
      return [
        pass(t('Testlauf erfolgreich, Rücksicherung überprüft.', 'Test run succeeded, restore verified.'), e),
      ];
    },
  },
  {
    id: 'backup.protocol-complete',
    area: 'backup',
    severity: 'medium',
    title: t('Datensicherungsprotokoll vollständig ausgefüllt', 'Backup protocol completely filled in'),
    reference: PROTOCOL,
    kbvRefs: ['A1-24'],
    remediation: t(
      'Datensicherungsprotokoll vervollständigen: Angaben zur Datensicherung, Einstellungen, Inhalt, Einweisung (Personen, Bestätigung).',
      'Complete the backup protocol: details, settings, content, instruction (persons, confirmation).',
    ),
    run: (ctx) => {
      const b = ctx.sheet.backup;
      // labelled as the sheet editor labels them: the text reaches the report
      const fields: [string, { de: string; en: string }, unknown][] = [
        ['details.device', t('Sicherungsgerät', 'backup device'), b.details.device],
        ['details.software', t('Sicherungssoftware', 'backup software'), b.details.software],
        ['details.medium', t('Sicherungsmedium', 'backup medium'), b.details.medium],
        ['details.mediaCount', t('Anzahl Medien', 'number of media'), b.details.mediaCount],
        ['settings.kind', t('Art der Sicherung', 'backup kind'), b.settings.kind],
        ['settings.weekdays', t('Sicherungstage', 'backup days'), b.settings.weekdays],
        ['settings.start', t('Startzeit', 'start time'), b.settings.start],
        ['settings.protocol', t('Protokollierung', 'protocol'), b.settings.protocol],
        ['content.paths', t('Gesicherte Pfade', 'backed-up paths'), b.content.paths],
        ['instruction.persons', t('Eingewiesene Personen', 'instructed persons'), b.instruction.persons],
        [
          'instruction.confirmed',
          t('Einweisung bestätigt', 'instruction confirmed'),
          b.instruction.confirmed,
        ],
      ];
      const open = fields.filter(([, , v]) => v === undefined);
      const gaps = open.map(([k]) => k);
      const evidence: Evidence[] = [evRaw('backup', { missing: gaps })];
      if (open.length === fields.length) {
        return [
          unknown(t('Kein Datensicherungsprotokoll erfasst.', 'No backup protocol recorded.'), evidence),
        ];
      }
      const words = open.map(([, label]) => label);
      if (b.instruction.confirmed?.value === false) {
        gaps.push('instruction.confirmed');
        words.push(t('Einweisung nicht bestätigt', 'instruction not confirmed'));
      }
      const list = (lang: 'de' | 'en') => words.map((w) => w[lang]).join(', ');
      return [
        gaps.length === 0
          ? pass(t('Protokoll vollständig.', 'Protocol complete.'), evidence)
          : fail(
              t(`Im Protokoll fehlt: ${list('de')}.`, `Missing in the protocol: ${list('en')}.`),
              evidence,
            ),
      ];
    },
  },
  {
    id: 'backup.sql',
    area: 'backup',
    severity: 'high',
    title: t('SQL-Datenbanken mit SQL-Plugin gesichert', 'SQL databases backed up with SQL plugin'),
    reference: `${REF} (Sicherungsschema; Zu sichernde Praxisdaten)`,
    kbvRefs: ['A1-23'],
    remediation: t(
      'Datenbank(en) aus dem SQL-Server über SQL-Server-Sicherungen bzw. das SQL-Plugin sichern; ein reines Kopieren der Datenbankdateien genügt nicht.',
      'Back up the SQL Server databases with SQL Server backups or the SQL plugin; copying database files is not enough.',
    ),
    appliesTo: (ctx) =>
      ctx.sheet.pvs.sqlServer.version !== undefined
        ? true
        : t('Kein SQL-Server erfasst.', 'No SQL Server recorded.'),
    run: (ctx) => {
      const c = ctx.sheet.backup.content;
      const e = [
        ev('backup.content.sqlPluginPresent', c.sqlPluginPresent),
        ev('backup.content.sqlDatabases', c.sqlDatabases),
      ];
      if (c.sqlPluginPresent === undefined && c.sqlDatabases === undefined) {
        return [
          unknown(t('Sicherung der SQL-Datenbanken nicht erfasst.', 'SQL database backup not recorded.'), e),
        ];
      }
      return [
        c.sqlPluginPresent?.value === true && (c.sqlDatabases?.value.length ?? 0) > 0
          ? pass(
              t(
                `SQL-Plugin vorhanden; gesichert: ${c.sqlDatabases?.value.join(', ') ?? ''}.`,
                `SQL plugin present; backed up: ${c.sqlDatabases?.value.join(', ') ?? ''}.`,
              ),
              e,
            )
          : fail(
              t(
                'SQL-Datenbanken werden nicht mit SQL-Plugin gesichert.',
                'SQL databases are not backed up with a SQL plugin.',
              ),
              e,
            ),
      ];
    },
  },
  {
    id: 'backup.recent',
    area: 'backup',
    severity: 'high',
    title: t('Letzte erfolgreiche Sicherung aktuell', 'Last successful backup recent'),
    reference: `${PROTOCOL} (Einweisung: Das Sicherungsprotokoll muss täglich geprüft werden)`,
    kbvRefs: ['A1-21'],
    remediation: t(
      'Sicherungsprotokoll täglich prüfen und fehlgeschlagene Sicherungen sofort beheben; Monitoring einrichten.',
      'Check the backup log daily and fix failed backups at once; set up monitoring.',
    ),
    run: (ctx) => {
      const l = ctx.sheet.backup.lastSuccessfulBackup;
      if (l === undefined) {
        return [
          missing(
            'backup.lastSuccessfulBackup',
            t('Datum der letzten erfolgreichen Sicherung', 'date of the last successful backup'),
          ),
        ];
      }
      const age = -daysUntil(l.value, ctx.now);
      const e = [ev('backup.lastSuccessfulBackup', l)];
      return [
        age <= BACKUP_MAX_AGE_DAYS
          ? pass(t(`Letzte Sicherung am ${deDate(l.value)}.`, `Last backup on ${l.value}.`), e)
          : fail(
              t(
                `Letzte erfolgreiche Sicherung am ${deDate(l.value)} (vor ${age} Tagen).`,
                `Last successful backup on ${l.value} (${age} days ago).`,
              ),
              e,
            ),
      ];
    },
  },
];
