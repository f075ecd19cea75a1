/**
 * Known gematik error codes of the Konnektor (GERROR:Error/Trace/Code) with their text and a German hint for the
 * technician. Texts: shared/reference/konnektor.md §1.6 (gematik Authenticator `CONNECTOR_ERROR_CODES`, cocard,
 * TUC_KON_000 "Prüfe Zugriffsberechtigung"); the hints are ours.
 */
export interface GematikCodeInfo {
  readonly text: string;
  readonly hint: string;
}

const CONTEXT_HINT =
  'Aufrufkontext (Mandant, Clientsystem, Arbeitsplatz) im Infomodell des Konnektors prüfen: Groß-/Kleinschreibung, Zuordnungen in der Konnektor-Administration.';

export const GEMATIK_CODES = {
  '4000': {
    text: 'Syntaxfehler',
    hint: 'Der Konnektor hat die Anfrage nicht verstanden (z. B. Parameter Crypt an einem PTV3-Konnektor). Konnektor-Version und Dienstversionen im connector.sds prüfen.',
  },
  '4004': {
    text: 'Ungültige Mandanten-ID',
    hint: `Mandanten-ID existiert im Konnektor nicht. ${CONTEXT_HINT}`,
  },
  '4005': {
    text: 'Ungültige Clientsystem-ID',
    hint: `Clientsystem-ID existiert im Konnektor nicht. ${CONTEXT_HINT}`,
  },
  '4006': {
    text: 'Ungültige Arbeitsplatz-ID',
    hint: `Arbeitsplatz-ID existiert im Konnektor nicht. ${CONTEXT_HINT}`,
  },
  '4010': {
    text: 'Clientsystem ist dem Mandanten nicht zugeordnet',
    hint: 'In der Konnektor-Administration das Clientsystem dem Mandanten zuordnen.',
  },
  '4011': {
    text: 'Arbeitsplatz ist dem Mandanten nicht zugeordnet',
    hint: 'In der Konnektor-Administration den Arbeitsplatz dem Mandanten zuordnen.',
  },
  '4012': {
    text: 'Kartenterminal ist dem Mandanten nicht zugeordnet',
    hint: 'Kartenterminal in der Konnektor-Administration dem Mandanten zuordnen.',
  },
  '4014': {
    text: 'Für den Mandanten ist der Arbeitsplatz nicht dem Clientsystem zugeordnet',
    hint: 'Zuordnung Arbeitsplatz ↔ Clientsystem für diesen Mandanten im Konnektor anlegen.',
  },
  '4015': {
    text: 'Kartenterminal ist weder lokal noch entfernt vom Arbeitsplatz aus zugreifbar',
    hint: 'Kartenterminal dem Arbeitsplatz zuordnen (lokal oder entfernt).',
  },
  '4016': {
    text: 'Kartenterminal ist nicht lokal vom Arbeitsplatz aus zugreifbar',
    hint: 'Kartenterminal dem Arbeitsplatz lokal zuordnen.',
  },
  '4020': {
    text: 'Kartenterminal ist über keinen dem Clientsystem zugeordneten Arbeitsplatz zugreifbar',
    hint: 'Kartenterminal einem Arbeitsplatz dieses Clientsystems zuordnen.',
  },
  '4021': {
    text: 'Es sind nicht alle Pflichtparameter mandantId, clientSystemId, workplaceId gefüllt',
    hint: 'Mandant, Clientsystem und Arbeitsplatz müssen angegeben werden (--mandant, --client-system, --workplace).',
  },
  '4043': {
    text: 'Timeout bei der PIN-Eingabe',
    hint: 'PIN-Eingabe am Kartenterminal wurde nicht abgeschlossen.',
  },
  '4047': {
    text: 'CardHandle ungültig',
    hint: 'Die Karte wurde zwischenzeitlich gezogen oder neu gesteckt. Abfrage wiederholen.',
  },
  '4049': { text: 'PIN-Eingabe abgebrochen', hint: 'PIN-Eingabe wurde am Kartenterminal abgebrochen.' },
  '4092': {
    text: 'Remote-PIN nicht möglich',
    hint: 'Remote-PIN-Verfahren ist für dieses Terminal nicht eingerichtet.',
  },
  '4204': {
    text: 'Clientsystem aus dem Aufrufkontext konnte nicht authentifiziert werden',
    hint: 'Authentisierung (Basic-Auth-Benutzer oder Client-Zertifikat) passt nicht zum Clientsystem im Aufrufkontext. Manche Konnektoren verlangen CN des Client-Zertifikats = Clientsystem-ID.',
  },
} as const satisfies Record<string, GematikCodeInfo>;
export type GematikCode = keyof typeof GEMATIK_CODES;

/** Text and hint for a code; a generic hint for unknown codes. */
export function describeGematikCode(code: string | undefined): GematikCodeInfo {
  if (code !== undefined && Object.hasOwn(GEMATIK_CODES, code)) {
    return GEMATIK_CODES[code as GematikCode];
  }
  return {
    text: 'Unbekannter Fehlercode',
    hint: 'Fehlercode im Handbuch des Konnektor-Herstellers bzw. in gemSpec_Kon nachschlagen; Konnektor-Protokoll prüfen.',
  };
}
