/**
 * Data the intake heuristics match against. A new PVS or Konnektor product is one entry here, not code.
 * Patterns are matched case-insensitively on word boundaries; `name` is the canonical value we store.
 */
export interface ProductPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Practice management systems (PVS) common in German practices, dental systems included. */
export const PVS_CATALOG: readonly ProductPattern[] = [
  { name: 'CGM ALBIS', pattern: /\b(?:CGM\s+)?ALBIS\b/i },
  { name: 'CGM M1 PRO', pattern: /\b(?:CGM\s+)?M1\s?PRO\b/i },
  { name: 'CGM TURBOMED', pattern: /\b(?:CGM\s+)?TURBOMED\b/i },
  { name: 'CGM MEDISTAR', pattern: /\b(?:CGM\s+)?MEDISTAR\b/i },
  { name: 'CGM Z1', pattern: /\bCGM\s+Z1\b/i },
  { name: 'x.concept', pattern: /\bx\.concept\b/i },
  { name: 'x.isynet', pattern: /\bx\.isynet\b/i },
  { name: 'x.comfort', pattern: /\bx\.comfort\b/i },
  { name: 'x.vianova', pattern: /\bx\.vianova\b/i },
  { name: 'medatixx', pattern: /\bmedatixx\b/i },
  { name: 'Quincy', pattern: /\bQuincy\b/ },
  { name: 'T2med', pattern: /\bT2\s?med\b/i },
  { name: 'tomedo', pattern: /\btomedo\b/i },
  { name: 'MedOffice', pattern: /\bMed(?:ical)?\s?Office\b/i },
  { name: 'DURIA', pattern: /\bDURIA\b/i },
  { name: 'EL Elefant', pattern: /\bElefant\b/ },
  { name: 'EPIKUR', pattern: /\bEPIKUR\b/i },
  { name: 'psyprax', pattern: /\bpsyprax\b/i },
  { name: 'S3-Win', pattern: /\bS3[\s-]?Win\b/i },
  { name: 'Profimed', pattern: /\bProfimed\b/i },
  { name: 'DATA VITAL', pattern: /\bDATA\s?VITAL\b/i },
  { name: 'MediFox', pattern: /\bMedi\s?Fox\b/i },
  { name: 'Smarty', pattern: /\bsmarty\b/i },
  { name: 'inSuite', pattern: /\binSuite\b/i },
  { name: 'CHARLY', pattern: /\bCHARLY\b/ },
  { name: 'DS-Win', pattern: /\bDS[\s-]?Win\b/i },
  { name: 'evident', pattern: /\bevident\b/ },
  { name: 'Doctolib PVS', pattern: /\bDoctolib[\s-](?:PVS|EHR)\b/i },
];

/** Konnektor / TI access products. Order matters: the more specific entry comes first. */
export const KONNEKTOR_CATALOG: readonly ProductPattern[] = [
  { name: 'TI-Gateway', pattern: /\bTI[\s-]?Gateway\b/i },
  { name: 'CGM KoCoBox MED+', pattern: /\bKoCo\s?Box\b/i },
  { name: 'secunet konnektor', pattern: /\bsecunet\b/i },
  { name: 'RISE Konnektor', pattern: /\bRISE[\s-]+Konnektor\b/i },
  {
    name: 'T-Systems Konnektor',
    pattern:
      /\b(?:T-Systems|Telekom)[\s-]+(?:Einbox-?)?Konnektor\b|\bKonnektor\b[^.\n]{0,40}\b(?:Telekom|T-Systems)\b/i,
  },
  { name: 'Highspeed-Konnektor', pattern: /\bHigh\s?speed[\s-]?Konnektor\b/i },
  { name: 'Rechenzentrumskonnektor', pattern: /\b(?:Rechenzentrums|RZ)[\s-]?Konnektor\b/i },
];

/** Words near a product name that make it likely the practice actually uses it. */
export const USAGE_CONTEXT =
  /\b(?:PVS|Praxisverwaltung\w*|Praxissoftware|Software|arbeiten\s+mit|nutzen|verwenden|im\s+Einsatz|haben|läuft|Konnektor|TI)\b/i;

/**
 * Words that name a practice (kind first). Compound `…praxis` words are matched generically; `kind` maps to
 * the model's practice kind.
 */
export const PRACTICE_KINDS: readonly { readonly pattern: RegExp; readonly kind: 'mvz' | 'bag' | 'other' }[] =
  [
    { pattern: /\bMVZ\b|Medizinisches\s+Versorgungszentrum/i, kind: 'mvz' },
    // A Praxisgemeinschaft shares rooms, not patients: not a BAG even with "& Kollegen" in the name.
    { pattern: /Praxisgemeinschaft/i, kind: 'other' },
    {
      pattern: /Gemeinschaftspraxis|Berufsausübungsgemeinschaft|\bBAG\b|&\s*(?:Partner|Kollegen)/i,
      kind: 'bag',
    },
  ];

/** Lines that close a mail body; the signature follows. */
export const CLOSING_LINE =
  /^(?:mit\s+)?(?:freundlich(?:en|e)|besten|beste|herzlich(?:en|e)|lieben|liebe|viele|schöne|kollegial(?:en|e)|sonnige)\s+grü(?:ß|ss)(?:en|e)\b|^(?:mfg|lg|vg|gruß|grüße|gruss|grüsse)\b|^--\s*$|^(?:best|kind)\s+regards\b/i;

/** Markers of a forwarded message (Gmail, Outlook, Apple Mail, Thunderbird; German and English). */
export const FORWARD_MARKER =
  /^-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Original Message|Ursprüngliche Nachricht)\s*-{2,}\s*$|^Anfang der weitergeleiteten (?:Nachricht|E-Mail):?\s*$|^Begin forwarded message:?\s*$/i;
