import type { AuditSheet, Finding, LocalizedText, TriState } from '@praxisready/model';
import {
  KBV_ALWAYS_PRESENT_ZIELOBJEKTE,
  KBV_CATALOG,
  KBV_CATALOG_VERSION,
  KBV_SIZE_CLASSES,
  KbvAnlage,
  type KbvRequirement,
  type KbvSizeClass,
} from '../catalogs/kbv.ts';
import { deDate, evRaw, fail, manual, notApplicable, pass, t } from '../engine/helpers.ts';
import type { Check, CheckContext, Outcome } from '../engine/types.ts';
import { ANSWER_WORDS, answerOutcome } from './operations.ts';

/** applies / conditional (unknown whether it applies: shown as manual, never silently n/a) / not_applicable. */
export type KbvApplicabilityStatus = 'applies' | 'conditional' | 'not_applicable';

export interface KbvApplicability {
  requirement: KbvRequirement;
  status: KbvApplicabilityStatus;
  reason: LocalizedText;
}

type Tri = TriState;

/** Size class from the profile; `undefined` members mean "cannot tell". */
export function kbvSizeClass(sheet: AuditSheet): { sizeClass?: KbvSizeClass; mayBeGross: boolean } {
  const staff = sheet.profile.staffInDataProcessing?.value;
  const extensive = sheet.profile.extensiveDataProcessing?.value ?? 'unknown';
  if (extensive === 'yes' || (staff !== undefined && staff > KBV_SIZE_CLASSES.mittlere.max)) {
    return { sizeClass: 'gross', mayBeGross: true };
  }
  if (staff === undefined) {
    return { mayBeGross: true };
  }
  const base: KbvSizeClass = staff <= KBV_SIZE_CLASSES.praxis.max ? 'praxis' : 'mittlere';
  // Unknown "extensive data processing" keeps the Großpraxis question open.
  return extensive === 'no' ? { sizeClass: base, mayBeGross: false } : { sizeClass: base, mayBeGross: true };
}

function decentralTi(sheet: AuditSheet): Tri {
  const v = sheet.profile.decentralTiComponents?.value;
  if (v === 'yes' || v === 'no') {
    return v;
  }
  const c = sheet.ti.connection?.value;
  return c === undefined ? 'unknown' : c === 'none' ? 'no' : 'yes';
}

function connectionIs(sheet: AuditSheet, kind: string): Tri {
  const c = sheet.ti.connection?.value;
  return c === undefined ? 'unknown' : c === kind ? 'yes' : 'no';
}

/** Inferences for Zielobjekte the sheet can answer by itself; an explicit `kbv.zielobjekte` answer wins. */
const ZIELOBJEKT_INFERENCE: Record<string, (sheet: AuditSheet) => Tri> = {
  'Endgeräte mit dem Betriebssystem Windows': (s) =>
    s.machines.length === 0
      ? 'unknown'
      : s.machines.some((m) => (m.os.family?.value ?? 'windows') === 'windows')
        ? 'yes'
        : 'no',
  Konnektor: (s) => connectionIs(s, 'konnektor'),
  'Gehosteter Konnektor': (s) => connectionIs(s, 'hosted_konnektor'),
  'TI-Gateway': (s) => connectionIs(s, 'ti_gateway'),
  'Dezentrale Komponenten der TI': decentralTi,
  Primärsysteme: (s) => (s.pvs.product === undefined ? 'unknown' : 'yes'),
  'Medizinische Großgeräte': (s) => s.profile.largeMedicalDevices?.value ?? 'unknown',
};

export function zielobjektUsed(sheet: AuditSheet, zielobjekt: string): Tri {
  const answer = sheet.kbv.zielobjekte[zielobjekt]?.value;
  if (answer === 'yes' || answer === 'no') {
    return answer;
  }
  if (KBV_ALWAYS_PRESENT_ZIELOBJEKTE.includes(zielobjekt)) {
    return 'yes';
  }
  return ZIELOBJEKT_INFERENCE[zielobjekt]?.(sheet) ?? 'unknown';
}

function anlageApplies(sheet: AuditSheet, anlage: KbvAnlage): { s: Tri; why: LocalizedText } {
  const size = kbvSizeClass(sheet);
  const sizeLabel = size.sizeClass ? KBV_SIZE_CLASSES[size.sizeClass] : undefined;
  switch (anlage) {
    case 1:
      return { s: 'yes', why: t('Anlage 1 gilt für alle Praxen.', 'Anlage 1 applies to every practice.') };
    case 2:
      if (size.sizeClass === 'mittlere' || size.sizeClass === 'gross') {
        return {
          s: 'yes',
          why: t(`Anlage 2 gilt: ${sizeLabel?.de ?? ''}.`, `Anlage 2 applies: ${sizeLabel?.en ?? ''}.`),
        };
      }
      return size.mayBeGross
        ? {
            s: 'unknown',
            why: t(
              'Praxisgröße bzw. Datenverarbeitung in erheblichem Umfang nicht geklärt (Anlage 2).',
              'Practice size / extensive data processing not settled (Anlage 2).',
            ),
          }
        : {
            s: 'no',
            why: t(
              'Anlage 2 gilt erst ab 6 Personen in der Datenverarbeitung.',
              'Anlage 2 applies from 6 persons in data processing.',
            ),
          };
    case 3:
      if (size.sizeClass === 'gross') {
        return {
          s: 'yes',
          why: t(`Anlage 3 gilt: ${sizeLabel?.de ?? ''}.`, `Anlage 3 applies: ${sizeLabel?.en ?? ''}.`),
        };
      }
      return size.mayBeGross
        ? {
            s: 'unknown',
            why: t(
              'Nicht geklärt, ob Großpraxis bzw. Datenverarbeitung in erheblichem Umfang (Anlage 3).',
              'Not settled whether large practice / extensive data processing (Anlage 3).',
            ),
          }
        : {
            s: 'no',
            why: t('Anlage 3 gilt nur für Großpraxen.', 'Anlage 3 applies to large practices only.'),
          };
    case 4: {
      const v = sheet.profile.largeMedicalDevices?.value ?? 'unknown';
      return {
        s: v,
        why:
          v === 'unknown'
            ? t(
                'Nicht erfasst, ob medizinische Großgeräte genutzt werden (Anlage 4).',
                'Not recorded whether large medical devices are used (Anlage 4).',
              )
            : t(`Medizinische Großgeräte: ${v === 'yes' ? 'ja' : 'nein'}.`, `Large medical devices: ${v}.`),
      };
    }
    case 5: {
      const v = decentralTi(sheet);
      return {
        s: v,
        why:
          v === 'unknown'
            ? t(
                'Nicht erfasst, ob dezentrale TI-Komponenten genutzt werden (Anlage 5).',
                'Not recorded whether decentral TI components are used (Anlage 5).',
              )
            : t(
                `Dezentrale TI-Komponenten: ${v === 'yes' ? 'ja' : 'nein'}.`,
                `Decentral TI components: ${v}.`,
              ),
      };
    }
  }
}

/** Applicability of one requirement to the practice at `now`. */
export function kbvApplicabilityOf(sheet: AuditSheet, req: KbvRequirement, now: Date): KbvApplicability {
  if (now.toISOString().slice(0, 10) < req.effectiveFrom) {
    return {
      requirement: req,
      status: 'not_applicable',
      reason: t(`Gilt erst ab ${deDate(req.effectiveFrom)}.`, `Effective from ${req.effectiveFrom}.`),
    };
  }
  const a = anlageApplies(sheet, req.anlage);
  const z = zielobjektUsed(sheet, req.zielobjekt);
  const zWhy =
    z === 'yes'
      ? t(`Zielobjekt „${req.zielobjekt}“ wird genutzt.`, `Zielobjekt "${req.zielobjekt}" is used.`)
      : z === 'no'
        ? t(
            `Zielobjekt „${req.zielobjekt}“ wird nicht genutzt.`,
            `Zielobjekt "${req.zielobjekt}" is not used.`,
          )
        : t(
            `Nicht erfasst, ob das Zielobjekt „${req.zielobjekt}“ genutzt wird.`,
            `Not recorded whether Zielobjekt "${req.zielobjekt}" is used.`,
          );
  const reason = t(`${a.why.de} ${zWhy.de}`, `${a.why.en} ${zWhy.en}`);
  const status: KbvApplicabilityStatus =
    a.s === 'no' || z === 'no' ? 'not_applicable' : a.s === 'yes' && z === 'yes' ? 'applies' : 'conditional';
  return { requirement: req, status, reason };
}

/** Applicability of all 92 requirements. */
export function kbvApplicability(sheet: AuditSheet, now: Date): KbvApplicability[] {
  return KBV_CATALOG.map((r) => kbvApplicabilityOf(sheet, r, now));
}

/** Stable check id of a KBV requirement: `kbv.a1-20`. */
export function kbvCheckId(req: KbvRequirement): string {
  return `kbv.${req.id.toLowerCase()}`;
}

function linked(ctx: CheckContext, req: KbvRequirement): Finding[] {
  return ctx.priorFindings.filter((f) => f.kbvRefs.includes(req.id));
}

/** A linked finding as the reader knows it: its title (and subject), not the check id (that is in the evidence). */
function label(f: Finding, lang: 'de' | 'en'): string {
  const title = `„${f.title[lang]}“`;
  return f.subject ? `${title} (${f.subject})` : title;
}
const labels = (list: Finding[], lang: 'de' | 'en') => list.map((f) => label(f, lang)).join(', ');

function kbvCheck(req: KbvRequirement): Check {
  const title = t(`${req.id} ${req.title}`, `${req.id} ${req.title} (KBV, German title)`);
  return {
    id: kbvCheckId(req),
    area: 'kbv',
    severity: req.anlage === 5 ? 'high' : 'medium',
    title,
    reference: `KBV IT-Sicherheitsrichtlinie ${KBV_CATALOG_VERSION.version}, Anlage ${req.anlage} (${KbvAnlage[req.anlage].de}) Nr. ${req.nr}, Zielobjekt ${req.zielobjekt}`,
    kbvRefs: [req.id],
    remediation: t(
      `Anforderung „${req.title}“ nach der Erläuterung der KBV-Richtlinie umsetzen und dokumentieren.`,
      `Implement and document requirement "${req.title}" per the explanation in the KBV directive.`,
    ),
    stage: 1,
    run: (ctx): Outcome[] => {
      const app = kbvApplicabilityOf(ctx.sheet, req, ctx.now);
      if (app.status === 'not_applicable') {
        return [notApplicable(app.reason)];
      }
      const path = `kbv.requirements.${req.id}`;
      const answer = ctx.sheet.kbv.requirements[req.id];
      const links = linked(ctx, req);
      const failing = links.filter((f) => f.status === 'fail');
      const decided = links.filter((f) => f.status === 'pass' || f.status === 'warn' || f.status === 'fail');
      const linkEvidence = links.map((f) =>
        evRaw(`finding:${f.checkId}${f.subject ? `#${f.subject}` : ''}`, f.status),
      );
      const answered = answer ? answerOutcome(answer, path, t(req.title, req.title)) : undefined;
      if (app.status === 'conditional') {
        if (answered) {
          return [{ ...answered, evidence: [...(answered.evidence ?? []), ...linkEvidence] }];
        }
        const extra = (lang: 'de' | 'en') =>
          failing.length === 0
            ? ''
            : lang === 'de'
              ? ` Fehlgeschlagene verknüpfte Prüfungen: ${labels(failing, 'de')}.`
              : ` Failed linked checks: ${labels(failing, 'en')}.`;
        return [
          manual(
            t(
              `Bedingt anwendbar: ${app.reason.de}${extra('de')}`,
              `Conditional: ${app.reason.en}${extra('en')}`,
            ),
            linkEvidence,
          ),
        ];
      }
      if (failing.length > 0) {
        return [
          fail(
            t(
              `Automatische Prüfungen widersprechen der Anforderung: ${labels(failing, 'de')}.${answer ? ` Bewertung des Technikers: ${ANSWER_WORDS[answer.value.status].de}.` : ''}`,
              `Automated checks contradict the requirement: ${labels(failing, 'en')}.${answer ? ` Technician's assessment: ${ANSWER_WORDS[answer.value.status].en}.` : ''}`,
            ),
            linkEvidence,
          ),
        ];
      }
      if (answered) {
        return [{ ...answered, evidence: [...(answered.evidence ?? []), ...linkEvidence] }];
      }
      if (decided.length > 0 && decided.every((f) => f.status === 'pass')) {
        return [
          pass(
            t(
              `Durch automatische Prüfungen belegt: ${labels(decided, 'de')}.`,
              `Evidenced by automated checks: ${labels(decided, 'en')}.`,
            ),
            linkEvidence,
          ),
        ];
      }
      return [
        manual(
          t(
            `Vom Techniker zu bewerten (${app.reason.de})`,
            `To be assessed by the technician (${app.reason.en})`,
          ),
          linkEvidence,
        ),
      ];
    },
  };
}

export const kbvChecks: Check[] = KBV_CATALOG.map(kbvCheck);
