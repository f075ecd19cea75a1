/**
 * The figures of seed 004 "Technische Rahmenbedingungen" (Stand 08/2023), chapter Systemvoraussetzungen
 * Arbeitsplatz / Server and Hinweise. Every number a check compares with lives here.
 */
export const SYSTEM_REQUIREMENTS = {
  reference: 'Seed 004, Systemvoraussetzungen (Stand 08/2023)',
  workstation: {
    /** "Intel- oder AMD-Prozessoren, 2,5 GHz". */
    cpuGhz: 2.5,
    ramGb: 8,
    /** "Freier Festplattenspeicher 100 GB". */
    freeDiskGb: 100,
    nicMbit: 1000,
    display: { width: 1920, height: 1080 },
    /** "Windows 8.1, Windows 10, Windows 11"; Pro recommended, Home not supported. */
    osVersions: ['8.1', '10', '11'],
    unsupportedEditions: ['home'],
    recommendedEditions: ['pro', 'professional', 'enterprise', 'education'],
    /** "Microsoft Office (32 Bit, Desktop-Version) Word 2016 / 2019 / 2021" (Word 2013 dropped 08/2023). */
    wordVersions: ['2016', '2019', '2021'],
    wordBitness: 32,
    dotnetMin: '4.8',
  },
  server: {
    cpuGhz: 2.5,
    ramGb: 32,
    /** "Remotedesktopserver: pro Sitzung empfehlen wir mindestens 1 GB (RAM)". */
    ramPerRdpSessionGb: 1,
    /** "500GB freier Speicherplatz auf dem Datenlaufwerk". */
    freeDataDiskGb: 500,
    diskKind: 'ssd',
    nicMbit: 1000,
    display: { width: 1920, height: 1080 },
    ups: true,
    /** "Windows Server 2012, 2012 R2, 2016, 2019, 2022". */
    osVersions: ['2012', '2012 R2', '2016', '2019', '2022'],
    /** "Die Windows-Essential-Edition wird ausschließlich beim Windows Server 2022 unterstützt." */
    essentialsOnly: '2022',
    /** Internet at the practice server: "Die erforderliche Bandbreite beträgt 16 Mbit." */
    internetMbit: 16,
  },
  sqlServer: {
    versions: ['2016', '2019', '2022'],
    /** "medatixx: ab SQL Server 2014". */
    medatixxMin: 2014,
    /** "SQL Server 2022 (Bitte deaktivieren Sie dabei die Option Azure-Erweiterung für SQL Server.)" */
    azureExtensionOffOn: '2022',
  },
  computerName: {
    /** "Ein Computernamen sollte aus maximal 15 Zeichen bestehen und sollte keine Sonderzeichen und Umlaute enthalten." */
    maxLength: 15,
    /** Letters, digits and hyphen (NetBIOS-safe); anything else counts as a special character. */
    allowed: /^[A-Za-z0-9-]+$/,
  },
  /** Minimum printer resolution: "Mindestauflösung von 300 dpi (beispielsweise für den eRezept-Ausdruck relevant)". */
  printerMinDpi: 300,
} as const;

/**
 * End of (extended) support of Microsoft operating systems, as published by Microsoft. A machine past its date
 * gets no security updates; Windows 10 ended on 14.10.2025.
 */
export const OS_END_OF_SUPPORT: readonly {
  family: 'client' | 'server';
  version: string;
  endOfSupport: string;
  label: string;
}[] = [
  { family: 'client', version: '7', endOfSupport: '2020-01-14', label: 'Windows 7' },
  { family: 'client', version: '8.1', endOfSupport: '2023-01-10', label: 'Windows 8.1' },
  { family: 'client', version: '10', endOfSupport: '2025-10-14', label: 'Windows 10' },
  { family: 'server', version: '2008 R2', endOfSupport: '2020-01-14', label: 'Windows Server 2008 R2' },
  { family: 'server', version: '2012', endOfSupport: '2023-10-10', label: 'Windows Server 2012' },
  { family: 'server', version: '2012 R2', endOfSupport: '2023-10-10', label: 'Windows Server 2012 R2' },
  { family: 'server', version: '2016', endOfSupport: '2027-01-12', label: 'Windows Server 2016' },
  { family: 'server', version: '2019', endOfSupport: '2029-01-09', label: 'Windows Server 2019' },
  { family: 'server', version: '2022', endOfSupport: '2031-10-14', label: 'Windows Server 2022' },
];
