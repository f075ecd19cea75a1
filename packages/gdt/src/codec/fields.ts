/**
 * Field table (Feldkennungen, FK) of GDT 2.1 and 3.0, keyed by the 4-digit field id as it stands in the file.
 * Names and lengths from gdt.md §4 (S3 Doc Cirrus tables and S6 go-gdt agree) and §6.1 for 3.0 additions
 * (single source S3, marked `v3`). `max` is the spec maximum in characters; readers report, never enforce it.
 */
export interface FieldSpec {
  readonly name: string;
  /** Maximum length (characters). */
  readonly max?: number;
  /** Exact length, e.g. 8 for dates. */
  readonly len?: number;
  readonly format?: 'date' | 'time' | 'num' | 'float';
  /** May occur several times in one record (text lines, test blocks, attachments). */
  readonly repeatable?: boolean;
  /** Allowed values. */
  readonly values?: readonly string[];
  /** Only defined from GDT 3.0 on (single source S3). */
  readonly v3?: boolean;
}

const free = { max: 60, repeatable: true } as const;

export const GdtFields = {
  '0102': { name: 'Softwareverantwortlicher', max: 60 },
  '0103': { name: 'Software', max: 60 },
  '0132': { name: 'Release-Stand der Software', max: 60 },
  '0201': { name: 'Betriebsstättennummer (BSNR)', max: 9 },
  '0203': { name: 'Betriebsstättenbezeichnung', max: 60 },
  '0205': { name: 'Straße der Betriebsstätte', max: 60 },
  '0211': { name: 'Arztname', max: 60 },
  '0212': { name: 'Lebenslange Arztnummer (LANR)', max: 9 },
  '0215': { name: 'PLZ der Betriebsstätte', max: 10 },
  '0216': { name: 'Ort der Betriebsstätte', max: 60 },
  '0219': { name: 'Titel des Arztes', max: 60 },
  '0220': { name: 'Arztvorname', max: 60 },
  '3000': { name: 'Patientennummer', max: 10 },
  '3100': { name: 'Namenszusatz', max: 15 },
  '3101': { name: 'Name', max: 28 },
  '3102': { name: 'Vorname', max: 28 },
  '3103': { name: 'Geburtsdatum', len: 8, format: 'date' },
  '3104': { name: 'Titel', max: 15 },
  '3105': { name: 'Versichertennummer', max: 12 },
  '3106': { name: 'Wohnort', max: 30 },
  '3107': { name: 'Straße', max: 28 },
  '3108': { name: 'Versichertenart', len: 1, values: ['1', '3', '5'] },
  '3110': { name: 'Geschlecht', len: 1, values: ['1', '2'] },
  '3618': { name: 'Mobiltelefon', max: 60, v3: true },
  '3619': { name: 'E-Mail', max: 60, v3: true },
  '3622': { name: 'Größe', max: 60, format: 'float' },
  '3623': { name: 'Gewicht', max: 60, format: 'float' },
  '3626': { name: 'Telefon', max: 60, v3: true },
  '3628': { name: 'Muttersprache', max: 60 },
  '6200': { name: 'Tag der Speicherung der Behandlungsdaten', len: 8, format: 'date' },
  '6201': { name: 'Uhrzeit der Erhebung', len: 6, format: 'time' },
  '6205': { name: 'Aktuelle Diagnose', ...free },
  '6220': { name: 'Befund', ...free },
  '6221': { name: 'Fremdbefund', ...free },
  '6226': { name: 'Anzahl nachfolgender Zeilen', max: 4, format: 'num', repeatable: true },
  '6227': { name: 'Kommentar', ...free },
  '6228': { name: 'Ergebnistabellentext', ...free },
  '6302': { name: 'Datei-Archivierungskennung', ...free },
  '6303': { name: 'Dateiformat', ...free },
  '6304': { name: 'Dateiinhalt', ...free },
  '6305': { name: 'Verweis auf Datei', ...free },
  '6329': { name: 'Dateiinhalt Base64', repeatable: true, v3: true },
  '8000': { name: 'Satzart', len: 4 },
  '8100': { name: 'Satzlänge', format: 'num' },
  '8200': { name: 'Objekt', max: 60, repeatable: true, v3: true },
  '8201': { name: 'Objektende', max: 60, repeatable: true, v3: true },
  '8202': { name: 'Anzahl Einträge (Satzende)', format: 'num', v3: true },
  '8310': { name: 'Anforderungs-Ident', max: 60 },
  '8314': { name: 'Anforderungs-UID', max: 60, v3: true },
  '8315': { name: 'GDT-ID des Empfängers', max: 8 },
  '8316': { name: 'GDT-ID des Senders', max: 8 },
  '8402': { name: 'Geräte- und verfahrensspezifisches Kennfeld', max: 6 },
  '8410': { name: 'Test-Ident', max: 20, repeatable: true },
  '8411': { name: 'Testbezeichnung', max: 60, repeatable: true },
  '8418': { name: 'Teststatus', len: 1, repeatable: true },
  '8420': { name: 'Ergebnis-Wert', max: 60, format: 'float', repeatable: true },
  '8421': { name: 'Einheit', max: 60, repeatable: true },
  '8428': { name: 'Probenmaterial-Ident', max: 8, repeatable: true },
  '8429': { name: 'Probenmaterial-Index', max: 2, repeatable: true },
  '8430': { name: 'Probenmaterial-Bezeichnung', max: 60, repeatable: true },
  '8431': { name: 'Probenmaterial-Spezifikation', max: 60, repeatable: true },
  '8432': { name: 'Abnahme-Datum', len: 8, format: 'date', repeatable: true },
  '8437': { name: 'Einheit(en) für Datenstrom', max: 60, repeatable: true },
  '8438': { name: 'Datenstrom', max: 60, repeatable: true },
  '8439': { name: 'Abnahme-Zeit', len: 6, format: 'time', repeatable: true },
  '8460': { name: 'Normalwert-Text', ...free },
  '8461': { name: 'Normalwert untere Grenze', max: 60, repeatable: true },
  '8462': { name: 'Normalwert obere Grenze', max: 60, repeatable: true },
  '8470': { name: 'Testbezogene Hinweise', ...free },
  '8480': { name: 'Ergebnis-Text', ...free },
  '8491': { name: 'Beauftragender Arzt', max: 60 },
  '8990': { name: 'Signatur', max: 60 },
  '9103': { name: 'Erstellungsdatum', len: 8, format: 'date', v3: true },
  '9106': { name: 'Zeichensatz (LDT/BDT)', len: 1 },
  '9206': { name: 'Verwendeter Zeichensatz', len: 1, values: ['1', '2', '3'] },
  '9218': { name: 'Version GDT', max: 5 },
} as const satisfies Record<string, FieldSpec>;

export type GdtFieldId = keyof typeof GdtFields;

/** Free categories 6330…6398 (name, even) and 6331…6399 (content, odd). */
function freeCategory(id: string): FieldSpec | undefined {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 6330 || n > 6399) {
    return undefined;
  }
  return n % 2 === 0
    ? { name: 'Name der freien Kategorie', ...free }
    : { name: 'Inhalt der freien Kategorie', ...free };
}

/** The spec entry of a field id, or undefined for an unknown id. */
export function fieldSpec(id: string): FieldSpec | undefined {
  return (GdtFields as Record<string, FieldSpec>)[id] ?? freeCategory(id);
}

/** The German field name, or undefined for an unknown id. */
export function fieldName(id: string): string | undefined {
  return fieldSpec(id)?.name;
}
