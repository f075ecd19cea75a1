/**
 * Seed 004, Anhang "Konfigurationsanleitung zum Service-Provider": the six error messages of the chapter
 * "Übersicht über Fehlermeldungen und Lösungen" with their solutions (German verbatim, list markup removed),
 * the hints of the chapters "Kundennummer ergänzen", "Service-Provider installieren" and "Hinweis", and the
 * ini keys. The seed's sample files spell some keys differently from its prose ("UniqueIdentifizier",
 * "PVSTName", "PVSDDataPath"); both spellings are accepted.
 */
import type { LocalizedText } from '@praxisready/model';

export const SERVICE_PROVIDER_REFERENCE = 'Seed 004, Konfigurationsanleitung zum Service-Provider';

/** Products that run a Service-Provider ("Service-Provider (außer Praxissoftware medatixx)"). */
export const SERVICE_PROVIDER_PRODUCTS = ['x.concept', 'x.comfort', 'x.isynet', 'x.vianova'] as const;

/** Known values of PVSName in the Installations-ServiceProvider.ini, by sheet product. */
export const SERVICE_PROVIDER_PVS_NAMES: Record<string, string> = {
  'x.concept': 'X.CONCEPT',
  'x.comfort': 'X.COMFORT',
  'x.isynet': 'X.ISYNET',
  // x.vianova shares the x.isynet installation (seed 004 names them together: "x.isynet/x.vianova").
  'x.vianova': 'X.ISYNET',
};

export const SERVICE_PROVIDER_PORT = 23174;

/** Ini keys with the spellings the seed shows. */
export const INI_KEYS = {
  section: 'Install',
  installed: ['Installed'],
  uniqueIdentifier: ['UniqueIdentifier', 'UniqueIdentifizier'],
  tcpPort: ['TCPPort', 'Port'],
  pvsName: ['PVSName', 'PVSTName'],
  pvsDataPath: ['PVSDataPath', 'PVSDDataPath'],
  hostname: ['Hostname'],
  kundennummer: ['Kundennummer'],
} as const;

/** Where the PVS-ServiceProvider.ini lives, by product. */
export const PVS_INI_DIRECTORY: Record<string, string> = {
  'x.isynet': '...\\winacs\\Text\\ServiceProvider',
  'x.vianova': '...\\winacs\\Text\\ServiceProvider',
  'x.concept': '...\\DConcept\\DeData',
  'x.comfort': '...\\doc2\\daten\\data',
};

interface Message {
  title: LocalizedText;
  /** The message as the PVS shows it (seed wording). */
  message: LocalizedText;
  /** The seed's solution. */
  solution: LocalizedText;
}

const LIMITED =
  'Somit sind wichtige Funktionen Ihres Praxisverwaltungssystems nur eingeschränkt oder gar nicht nutzbar.';
const LIMITED_EN =
  'Important functions of your practice management system are therefore limited or unusable.';

/** The six error situations of the seed, keyed by our check id suffix. */
export const SERVICE_PROVIDER_MESSAGES = {
  notReachable: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: { de: 'Service-Provider erreichbar (Port 23174)', en: 'Service-Provider reachable (port 23174)' },
    message: {
      de: `Der Service-Provider ist nicht erreichbar. ${LIMITED}`,
      en: `The Service-Provider cannot be reached. ${LIMITED_EN}`,
    },
    solution: {
      de:
        'Die Kommunikation des Service-Providers erfolgt über den Port 23174. Überprüfen Sie in den Firewall-Einstellungen des Rechners, an dem der Service-Provider installiert ist, ob der Port 23174 für eingehende TCP-Verbindungen freigegeben ist. ' +
        'Ermitteln Sie in der ServiceProvider.ini im Datenverzeichnis („PVS-ServiceProvider.ini“) unter Hostname den Rechner, an dem der Service-Provider installiert ist. Überprüfen Sie anschließend in den Diensten des entsprechenden Rechners, ob der Service-Provider als Dienst vorhanden ist. Ist dies nicht der Fall, ist der Service-Provider in dieser Praxis aktuell nicht vorhanden und muss manuell installiert werden. ' +
        'Kontrollieren Sie in den beiden ServiceProvider.ini-Dateien („PVS-ServiceProvider.ini“ und „Installations-ServiceProvider.ini“) den Port und den Unique Identifier und passen Sie die Einstellungen ggf. an.',
      en:
        'The Service-Provider communicates on port 23174. Check in the firewall settings of the computer running the Service-Provider that port 23174 is open for incoming TCP connections. ' +
        'Find the computer running the Service-Provider under Hostname in the ServiceProvider.ini of the data directory ("PVS-ServiceProvider.ini"), then check its services for the Service-Provider; if it is missing, install it manually. ' +
        'Compare Port and Unique Identifier in both ServiceProvider.ini files and correct them if needed.',
    },
  },
  outdated: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: { de: 'Service-Provider auf dem aktuellen Stand', en: 'Service-Provider up to date' },
    message: {
      de: `Der Service-Provider ist nicht auf dem aktuellen Stand. ${LIMITED}`,
      en: `The Service-Provider is not up to date. ${LIMITED_EN}`,
    },
    solution: {
      de: 'Ermitteln Sie in der ServiceProvider.ini im Datenverzeichnis („PVS-ServiceProvider.ini“) unter Hostname den Rechner, an dem der Service-Provider installiert ist. Aktualisieren Sie an diesem Rechner den Service-Provider, indem Sie eine Update-Installation durchführen.',
      en: 'Find the computer running the Service-Provider under Hostname in the PVS-ServiceProvider.ini and run an update installation of the Service-Provider on that computer.',
    },
  },
  installedNot1: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: { de: 'ServiceProvider.ini: Installed=1', en: 'ServiceProvider.ini: Installed=1' },
    message: {
      de: `Die Konfigurationsdatei ist nicht korrekt eingestellt (Installed ist nicht auf 1 gesetzt). ${LIMITED}`,
      en: `The configuration file is not set correctly (Installed is not set to 1). ${LIMITED_EN}`,
    },
    solution: {
      de: 'Tragen Sie in die beiden ServiceProvider.ini-Dateien („PVS-ServiceProvider.ini“ und „Installations-ServiceProvider.ini“) bei Installed den Wert 1 ein.',
      en: 'Set Installed to 1 in both ServiceProvider.ini files ("PVS-ServiceProvider.ini" and "Installations-ServiceProvider.ini").',
    },
  },
  iniNotFound: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: {
      de: 'PVS-Datenpfad gültig (ServiceProvider.ini gefunden)',
      en: 'PVS data path valid (ServiceProvider.ini found)',
    },
    message: {
      de: 'Der Datenpfad des Praxisverwaltungssystems (PVS-Datenpfad) im Service-Provider ist ungültig (service-provider.ini nicht gefunden). Ohne einen korrekten Datenpfad sind wichtige Funktionen Ihres Praxisverwaltungssystems nur eingeschränkt oder gar nicht nutzbar.',
      en: 'The data path of the practice management system (PVS data path) in the Service-Provider is invalid (service-provider.ini not found). Without a correct data path, important functions are limited or unusable.',
    },
    solution: {
      de: 'Deinstallieren Sie den Service-Provider am Server und installieren Sie diesen erneut.',
      en: 'Uninstall the Service-Provider on the server and install it again.',
    },
  },
  dataPathMissing: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: { de: 'PVS-Datenpfad existiert', en: 'PVS data path exists' },
    message: {
      de: 'Der Datenpfad des Praxisverwaltungssystems (PVS-Datenpfad) im Service-Provider existiert nicht. Ohne einen korrekten Datenpfad sind wichtige Funktionen Ihres Praxisverwaltungssystems nur eingeschränkt oder gar nicht nutzbar.',
      en: 'The data path of the practice management system (PVS data path) in the Service-Provider does not exist. Without a correct data path, important functions are limited or unusable.',
    },
    solution: {
      de: 'Der Pfad zum Datenverzeichnis ist nicht korrekt. Tragen Sie in diesem Fall in die ServiceProvider.ini im Programmverzeichnis („Installations-ServiceProvider.ini“) bei PVSDataPath den korrekten (lokalen) Datenpfad ein.',
      en: 'The path to the data directory is wrong. Enter the correct (local) data path as PVSDataPath in the ServiceProvider.ini of the program directory ("Installations-ServiceProvider.ini").',
    },
  },
  unknownPvs: {
    /** Neutral check title; `message` is the seed's error text, shown when the check fails. */
    title: { de: 'PVS-Name in der ServiceProvider.ini bekannt', en: 'PVS name in ServiceProvider.ini known' },
    message: {
      de: `Es wurde ein unbekanntes Praxisverwaltungssystem angegeben (PVS-Name). ${LIMITED}`,
      en: `An unknown practice management system was given (PVS name). ${LIMITED_EN}`,
    },
    solution: {
      de: 'Tragen Sie in die ServiceProvider.ini im Programmverzeichnis („Installations-ServiceProvider.ini“) bei PVSName den korrekten Namen der Praxissoftware ein.',
      en: 'Enter the correct name of the practice software as PVSName in the ServiceProvider.ini of the program directory ("Installations-ServiceProvider.ini").',
    },
  },
} as const satisfies Record<string, Message>;

/** The seed's hints (not error messages of the PVS, but causes the technician should fix). */
export const SERVICE_PROVIDER_HINTS = {
  spaces: {
    de: 'Die ServiceProvider.ini im Datenverzeichnis umfasst keine Leerzeichen und der Inhalt verweist nicht auf einen älteren Stand. Falls Leerzeichen enthalten sind, müssen alle Leerzeichen (vor und nach dem =) entfernt werden.',
    en: 'The ServiceProvider.ini in the data directory must contain no spaces and must not refer to an older state. Remove all spaces (before and after the =).',
  },
  kundennummer: {
    de: 'ini-Dateien ohne Kundennummer führen zu falsch gemeldeten Installationen. Tragen Sie in der Installations-ServiceProvider.ini unter [Install] die Kundennummer ohne Leerzeichen direkt hinter dem Gleichheitszeichen ein und starten Sie anschließend den Service-Provider neu.',
    en: 'Ini files without Kundennummer lead to wrongly reported installations. Enter the customer number under [Install] in the Installations-ServiceProvider.ini, without spaces right after the equals sign, then restart the Service-Provider.',
  },
  portAndId: {
    de: 'Kontrollieren Sie in den beiden ServiceProvider.ini-Dateien („PVS-ServiceProvider.ini“ und „Installations-ServiceProvider.ini“) den Port und den Unique Identifier und passen Sie die Einstellungen ggf. an.',
    en: 'Compare Port and Unique Identifier in both ServiceProvider.ini files and correct them if needed.',
  },
  mappedDrive: {
    de: 'Der Service-Provider sollte nicht auf ein gemapptes Laufwerk installiert werden.',
    en: 'The Service-Provider should not be installed on a mapped drive.',
  },
  isynetSqlHost: {
    de: 'Beachten Sie, dass der Service-Provider für x.isynet zwingend an dem Rechner installiert werden muss, an dem der SQL-Server installiert ist.',
    en: 'For x.isynet the Service-Provider must be installed on the computer that runs the SQL Server.',
  },
} as const satisfies Record<string, LocalizedText>;
