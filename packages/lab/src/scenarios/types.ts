/**
 * The vocabulary of a lab scenario: what the simulated practice consists of, independent of the addresses and
 * ports it gets at start time (those come from the address plan).
 */

/** The scenarios the lab can start, in help order. */
export const ScenarioIds = ['ready', 'typical-problems', 'broken'] as const;
export type ScenarioId = (typeof ScenarioIds)[number];

/** Areas of the audit a problem belongs to (the audit sheet's sections). */
export const ProblemAreas = ['konnektor', 'printers', 'gdt', 'service-provider', 'network', 'kim'] as const;
export type ProblemArea = (typeof ProblemAreas)[number];

/**
 * An IPP printer, defined the way `ippeveprinter` is started (`-M make -m model -f formats -l location name`),
 * so that the real printer and the built-in simulator can be compared attribute by attribute.
 */
export interface PrinterDefinition {
  readonly id: string;
  /** `printer-name` (and the ippeveprinter service name). */
  readonly name: string;
  readonly make: string;
  readonly model: string;
  readonly location: string;
  /** Supported document formats as given to `ippeveprinter -f` (application/octet-stream is always added). */
  readonly formats: readonly string[];
  /** false: the printer is switched off: nothing listens at its address. */
  readonly reachable: boolean;
}

/** How a GDT file in an exchange folder is written. */
export interface GdtFileDefinition {
  /** Satzart (8000): 6302 = Untersuchung anfordern (PVS → Gerät), 6310 = Untersuchungsdaten (Gerät → PVS). */
  readonly satzart: '6302' | '6310';
  /** Value of field 9206 written into the file; null = field left out. */
  readonly declaredCharset: '1' | '2' | '3' | null;
  /** Encoding actually used for the bytes. A mismatch with `declaredCharset` is the "wrong charset" problem. */
  readonly encoding: 'cp437' | 'windows-1252';
  /** Whether field 8402 (Geräte- und verfahrensspezifisches Kennfeld, the examination code) is written. */
  readonly withExaminationCode: boolean;
}

/** One device connected by GDT, with its two exchange folders. */
export interface GdtDeviceDefinition {
  readonly id: string;
  readonly name: string;
  /** GDT-ID of the device (8315 in orders, 8316 in results), ≤ 8 characters. */
  readonly gdtId: string;
  /** 4-character file abbreviation of the device, used in file names `<receiver><sender>.gdt`. */
  readonly abbreviation: string;
  /** The examination code (8402) the PVS device configuration uses. */
  readonly examinationCode: string;
  /** The character set (9206 value) configured for this device in the PVS. */
  readonly configuredCharset: '1' | '2' | '3';
  /** Order file in the export folder (PVS → device); null = folder empty. */
  readonly exportFile: GdtFileDefinition | null;
  /** Result file in the import folder (device → PVS); null = folder empty. */
  readonly importFile: GdtFileDefinition | null;
  /** false: the import folder does not exist (device writes into a path that is gone). */
  readonly importFolderExists: boolean;
}

/** An INI file as ordered entries, written with CRLF like the Windows originals. */
export interface IniDefinition {
  readonly section: string;
  readonly entries: readonly (readonly [key: string, value: string])[];
  /** Write `key = value` instead of `key=value` (the seed warns against spaces in the data-dir INI). */
  readonly spacesAroundEquals: boolean;
}

/** The Service-Provider INI pair of seed 004 (installation directory + PVS data directory). */
export interface ServiceProviderDefinition {
  /** Unique identifier (instance name); part of the installation folder name. */
  readonly uniqueIdentifier: string;
  readonly installationIni: IniDefinition;
  /** null: the PVS-ServiceProvider.ini is missing in the data directory. */
  readonly pvsIni: IniDefinition | null;
  /** Whether the Service-Provider port (23174) listens on the PVS server. */
  readonly listening: boolean;
}

/** A problem a scenario carries: what the probe or the technician should find. */
export interface ProblemDefinition {
  /** Stable id, `<area>.<what>`. */
  readonly id: string;
  readonly area: ProblemArea;
  /** German, technician-facing. */
  readonly title: string;
}

/** A scenario: a whole practice, as data. */
export interface ScenarioDefinition {
  readonly id: ScenarioId;
  /** German, one line. */
  readonly title: string;
  /** Which preset of the Konnektor simulator runs the Konnektor, cards and terminals. */
  readonly konnektorPreset: ScenarioId;
  readonly printers: readonly PrinterDefinition[];
  /** PVS product whose rows of the seed 004 port list the PVS server listens on. */
  readonly pvsProduct: 'x.concept';
  /** Nominal TCP ports of the PVS server that are closed in this scenario (besides the Service-Provider). */
  readonly closedPvsPorts: readonly number[];
  /** KIM client module answers on its ports. */
  readonly kimReachable: boolean;
  readonly serviceProvider: ServiceProviderDefinition;
  readonly gdtDevices: readonly GdtDeviceDefinition[];
  /** Problem ids this scenario carries; a unit test checks them against the data above. */
  readonly problems: readonly string[];
}
