import type { PrinterDefinition } from '../scenarios/types.ts';

/**
 * Printer attributes as `ippeveprinter` (CUPS 2.4) reports them for the same command line
 * (`-M make -m model -f formats -l location name`), in the value shapes the `ipp` package serializes.
 * Only what a probe reads is modelled; `ipp-compare.int.test.ts` checks it against the real ippeveprinter.
 */
export type IppValue =
  | string
  | number
  | boolean
  | readonly (string | number)[]
  | readonly IppValue[]
  | { readonly [member: string]: IppValue };
export type IppAttributes = Record<string, IppValue>;

/** MIME type → command-set name in printer-device-id, in ippeveprinter's table order. */
const DEVICE_ID_COMMANDS: readonly (readonly [string, string])[] = [
  ['application/pdf', 'PDF'],
  ['application/postscript', 'PS'],
  ['application/vnd.hp-pcl', 'PCL'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/pwg-raster', 'PWG'],
  ['image/urf', 'URF'],
];

/** The operations the built-in simulator implements (a subset of ippeveprinter's list). */
export const SIMULATOR_OPERATIONS = [
  'Print-Job',
  'Validate-Job',
  'Get-Jobs',
  'Get-Printer-Attributes',
] as const;

/** ippeveprinter's fixed capabilities where the command line has no option. */
export const IPPEVEPRINTER_DEFAULTS = {
  resolutionDpi: 600,
  pwgRasterResolutionsDpi: [300, 600],
  mediaSources: ['auto', 'main', 'manual', 'by-pass-tray'],
  media: [
    'na_letter_8.5x11in',
    'na_legal_8.5x14in',
    'iso_a4_210x297mm',
    'na_number-10_4.125x9.5in',
    'iso_dl_110x220mm',
  ],
  pagesPerMinute: 10,
} as const;

/** `document-format-supported` as ippeveprinter reports it: octet-stream first, then sorted. */
export function documentFormats(def: PrinterDefinition): string[] {
  return ['application/octet-stream', ...[...new Set(def.formats)].sort()];
}

export function deviceId(def: PrinterDefinition): string {
  const cmd = DEVICE_ID_COMMANDS.filter(([mime]) => def.formats.includes(mime)).map(([, c]) => c);
  return `MFG:${def.make};MDL:${def.model};CMD:${cmd.join(',')};`;
}

/** All printer attributes of the simulated printer reachable at `uri`. */
export function printerAttributes(def: PrinterDefinition, uri: string, upSinceMs: number): IppAttributes {
  const dpi = IPPEVEPRINTER_DEFAULTS.resolutionDpi;
  return {
    'printer-uri-supported': [uri],
    'uri-security-supported': ['none'],
    'uri-authentication-supported': ['none'],
    'printer-name': def.name,
    'printer-info': def.name,
    'printer-location': def.location,
    'printer-make-and-model': `${def.make} ${def.model}`,
    'printer-more-info': uri.replace(/^ipp:/, 'http:').replace(/\/ipp\/print$/, '/'),
    'printer-device-id': deviceId(def),
    'printer-state': 'idle',
    'printer-state-reasons': ['none'],
    'printer-state-message': 'Idle.',
    'printer-is-accepting-jobs': true,
    'operations-supported': [...SIMULATOR_OPERATIONS],
    'ipp-versions-supported': ['1.1', '2.0'],
    'ipp-features-supported': ['ipp-everywhere'],
    'document-format-supported': documentFormats(def),
    'document-format-default': 'application/octet-stream',
    // Single resolution and range values are wrapped once more: the `ipp` serializer treats an array as 1setOf.
    'printer-resolution-supported': [[dpi, dpi, 'dpi']],
    'printer-resolution-default': [[dpi, dpi, 'dpi']],
    'pwg-raster-document-resolution-supported': IPPEVEPRINTER_DEFAULTS.pwgRasterResolutionsDpi.map((r) => [
      r,
      r,
      'dpi',
    ]),
    'media-source-supported': [...IPPEVEPRINTER_DEFAULTS.mediaSources],
    'media-supported': [...IPPEVEPRINTER_DEFAULTS.media],
    'media-default': 'na_letter_8.5x11in',
    // ippeveprinter's default: US Letter from the main tray, 6.35 mm margins.
    'media-col-default': {
      'media-size': { 'x-dimension': 21590, 'y-dimension': 27940 },
      'media-bottom-margin': 635,
      'media-left-margin': 635,
      'media-right-margin': 635,
      'media-top-margin': 635,
      'media-source': 'main',
      'media-type': 'stationery',
    },
    'sides-supported': ['one-sided'],
    'sides-default': 'one-sided',
    'color-supported': false,
    'print-color-mode-supported': ['monochrome'],
    'print-color-mode-default': 'monochrome',
    'pages-per-minute': IPPEVEPRINTER_DEFAULTS.pagesPerMinute,
    'copies-supported': [[1, 999]],
    'charset-configured': 'utf-8',
    'charset-supported': ['us-ascii', 'utf-8'],
    'natural-language-configured': 'en',
    'generated-natural-language-supported': ['en'],
    'compression-supported': ['deflate', 'gzip', 'none'],
    'pdl-override-supported': 'attempted',
    'queued-job-count': 0,
    'printer-up-time': Math.max(0, Math.floor((Date.now() - upSinceMs) / 1000)),
  };
}

/** Attribute groups a client may ask for by name (`requested-attributes`). */
const GROUP_NAMES = new Set(['all', 'printer-description']);

/** The attributes answering a `requested-attributes` list (absent or a group name: all of them). */
export function selectAttributes(
  all: IppAttributes,
  requested: readonly string[] | undefined,
): IppAttributes {
  if (requested === undefined || requested.length === 0 || requested.some((r) => GROUP_NAMES.has(r))) {
    return all;
  }
  return Object.fromEntries(Object.entries(all).filter(([name]) => requested.includes(name)));
}
