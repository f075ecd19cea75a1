import {
  attribute,
  boolean,
  charset,
  collection,
  enumValue,
  integer,
  keyword,
  mimeMediaType,
  name,
  naturalLanguage,
  Operation,
  rangeOfInteger,
  resolution,
  text,
  uri as uriValue,
  type IppAttribute,
} from '@praxisready/ipp';
import type { PrinterDefinition } from '../scenarios/types.ts';

/**
 * Printer attributes as `ippeveprinter` (CUPS 2.4) reports them for the same command line
 * (`-M make -m model -f formats -l location name`), with the same value syntaxes (tags).
 * Only what a probe reads is modelled; `ipp-compare.int.test.ts` checks it against the real ippeveprinter.
 */
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

/** printer-state (RFC 8011 §5.4.12). */
const PRINTER_STATE_IDLE = 3;

/** All printer attributes of the simulated printer reachable at `uri`, in the order they are sent. */
export function printerAttributes(def: PrinterDefinition, uri: string, upSinceMs: number): IppAttribute[] {
  const dpi = IPPEVEPRINTER_DEFAULTS.resolutionDpi;
  return [
    attribute('printer-uri-supported', uriValue(uri)),
    attribute('uri-security-supported', keyword('none')),
    attribute('uri-authentication-supported', keyword('none')),
    attribute('printer-name', name(def.name)),
    attribute('printer-info', text(def.name)),
    attribute('printer-location', text(def.location)),
    attribute('printer-make-and-model', text(`${def.make} ${def.model}`)),
    attribute('printer-more-info', uriValue(uri.replace(/^ipp:/, 'http:').replace(/\/ipp\/print$/, '/'))),
    attribute('printer-device-id', text(deviceId(def))),
    attribute('printer-state', enumValue(PRINTER_STATE_IDLE)),
    attribute('printer-state-reasons', keyword('none')),
    attribute('printer-state-message', text('Idle.')),
    attribute('printer-is-accepting-jobs', boolean(true)),
    attribute('operations-supported', ...SIMULATOR_OPERATIONS.map((op) => enumValue(Operation[op]))),
    attribute('ipp-versions-supported', keyword('1.1'), keyword('2.0')),
    attribute('ipp-features-supported', keyword('ipp-everywhere')),
    attribute('document-format-supported', ...documentFormats(def).map(mimeMediaType)),
    attribute('document-format-default', mimeMediaType('application/octet-stream')),
    attribute('printer-resolution-supported', resolution(dpi, dpi)),
    attribute('printer-resolution-default', resolution(dpi, dpi)),
    attribute(
      'pwg-raster-document-resolution-supported',
      ...IPPEVEPRINTER_DEFAULTS.pwgRasterResolutionsDpi.map((r) => resolution(r, r)),
    ),
    attribute('media-source-supported', ...IPPEVEPRINTER_DEFAULTS.mediaSources.map(keyword)),
    attribute('media-supported', ...IPPEVEPRINTER_DEFAULTS.media.map(keyword)),
    attribute('media-default', keyword('na_letter_8.5x11in')),
    // ippeveprinter's default: US Letter from the main tray, 6.35 mm margins.
    attribute(
      'media-col-default',
      collection([
        attribute(
          'media-size',
          collection([attribute('x-dimension', integer(21590)), attribute('y-dimension', integer(27940))]),
        ),
        attribute('media-bottom-margin', integer(635)),
        attribute('media-left-margin', integer(635)),
        attribute('media-right-margin', integer(635)),
        attribute('media-top-margin', integer(635)),
        attribute('media-source', keyword('main')),
        attribute('media-type', keyword('stationery')),
      ]),
    ),
    attribute('sides-supported', keyword('one-sided')),
    attribute('sides-default', keyword('one-sided')),
    attribute('color-supported', boolean(false)),
    attribute('print-color-mode-supported', keyword('monochrome')),
    attribute('print-color-mode-default', keyword('monochrome')),
    attribute('pages-per-minute', integer(IPPEVEPRINTER_DEFAULTS.pagesPerMinute)),
    attribute('copies-supported', rangeOfInteger(1, 999)),
    attribute('charset-configured', charset('utf-8')),
    attribute('charset-supported', charset('us-ascii'), charset('utf-8')),
    attribute('natural-language-configured', naturalLanguage('en')),
    attribute('generated-natural-language-supported', naturalLanguage('en')),
    attribute('compression-supported', keyword('deflate'), keyword('gzip'), keyword('none')),
    attribute('pdl-override-supported', keyword('attempted')),
    attribute('queued-job-count', integer(0)),
    attribute('printer-up-time', integer(Math.max(0, Math.floor((Date.now() - upSinceMs) / 1000)))),
  ];
}

/** Attribute groups a client may ask for by name (`requested-attributes`). */
const GROUP_NAMES = new Set(['all', 'printer-description']);

/** The attributes answering a `requested-attributes` list (absent or a group name: all of them). */
export function selectAttributes(
  all: IppAttribute[],
  requested: readonly string[] | undefined,
): IppAttribute[] {
  if (requested === undefined || requested.length === 0 || requested.some((r) => GROUP_NAMES.has(r))) {
    return all;
  }
  return all.filter((a) => requested.includes(a.name));
}
