import type { GdtSatzart } from '../codec/gdt-file.ts';

/**
 * Mandatory (M) and optional (K) fields per record type and version, as data.
 *
 * GDT 2.1: gdt.md §4.1 (S3 Doc Cirrus `gdt_v_21`, `optional:false` = M; cross-checked with S4 Elexis).
 * `warn` = mandatory per S3 but written only when set by S4 (3101–3103 in 6310): reported as a warning.
 * GDT 3.0: gdt.md §6.1, single source S3 [S]: 8100 optional, Obj_Anforderung with 8310/8314/8402 mandatory in
 * 6302/6303, object markers 8200/8201/8202, new record type 6303. Fields are read flat (objects as grouping).
 */
export interface SatzartRule {
  readonly mandatory: readonly string[];
  readonly warn?: readonly string[];
  readonly optional: readonly string[];
}

export interface VersionRules {
  /** Header fields mandatory in every record. */
  readonly header: readonly string[];
  /** Header fields optional in every record. */
  readonly headerOptional: readonly string[];
  readonly satzarten: Partial<Record<GdtSatzart, SatzartRule>>;
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(4, '0'));

const PATIENT_K = ['3100', '3104', '3105', '3106', '3107', '3108', '3110', '3622', '3623', '3628'];
const SOFTWARE = ['0102', '0103', '0132'];
const TEST_BLOCK = [
  '8410',
  '8411',
  '8418',
  '8420',
  '8421',
  '8428',
  '8429',
  '8430',
  '8431',
  '8432',
  '8437',
  '8438',
  '8439',
  '8460',
  '8461',
  '8462',
  '8470',
  '8480',
];
const RESULT_TEXT = ['6205', '6220', '6221', '6226', '6227', '6228'];
const ATTACHMENT = ['6302', '6303', '6304', '6305'];
const FREE_CATEGORIES = range(6330, 6399);

const V21: VersionRules = {
  header: ['8000', '8100', '9218'],
  headerOptional: ['8315', '8316', '9206'],
  satzarten: {
    '6300': { mandatory: ['3000'], optional: [] },
    '6301': { mandatory: ['3000', '3101', '3102', '3103'], optional: PATIENT_K },
    '6302': {
      mandatory: ['3000', '3101', '3102', '3103'],
      optional: [...PATIENT_K, ...SOFTWARE, '8402', '8410'],
    },
    '6310': {
      mandatory: ['3000'],
      warn: ['3101', '3102', '3103'],
      optional: [
        ...PATIENT_K,
        ...SOFTWARE,
        '8402',
        '6200',
        '6201',
        ...RESULT_TEXT,
        ...ATTACHMENT,
        ...FREE_CATEGORIES,
        ...TEST_BLOCK,
        '8310',
        '8491',
        '0201',
        '8990',
      ],
    },
    '6311': {
      mandatory: ['3000'],
      optional: ['3100', '3101', '3102', '3103', '3104', '8402', '6200', '6201', '8432', '8439'],
    },
  },
};

const OBJECTS = ['8200', '8201', '8202'];
const HEADER_V3 = ['9103', ...SOFTWARE];
const PATIENT_V3 = [...PATIENT_K, '3618', '3619', '3626'];
const DOCTOR_V3 = ['0201', '0212', '8990'];
const REQUEST_V3 = ['8310', '8314', '8402', '6200', '6201', '8410', '8432', '8439'];

const V30: VersionRules = {
  header: ['8000', '9218'],
  headerOptional: ['8100', '8315', '8316', '9206', ...OBJECTS, ...HEADER_V3],
  satzarten: {
    '6300': { mandatory: ['3000'], optional: [...DOCTOR_V3] },
    '6301': { mandatory: ['3000', '3101', '3102', '3103'], optional: [...PATIENT_V3, ...DOCTOR_V3] },
    '6302': {
      mandatory: ['3000', '3101', '3102', '3103', '8310', '8314', '8402'],
      optional: [...PATIENT_V3, ...REQUEST_V3, ...DOCTOR_V3],
    },
    '6303': { mandatory: ['3000', '8310', '8314'], optional: ['3101', '3102', '3103', '8402', ...DOCTOR_V3] },
    '6310': {
      mandatory: ['3000'],
      warn: ['3101', '3102', '3103'],
      optional: [
        ...PATIENT_V3,
        ...REQUEST_V3,
        ...DOCTOR_V3,
        ...RESULT_TEXT,
        ...ATTACHMENT,
        '6329',
        ...FREE_CATEGORIES,
        ...TEST_BLOCK,
        '8491',
      ],
    },
    '6311': {
      mandatory: ['3000'],
      optional: ['3100', '3101', '3102', '3103', '3104', ...REQUEST_V3],
    },
  },
};

/** 9218 values accepted per version family (gdt.md §6: S3 lists, S8 writes 03.10). */
export const GdtVersions = {
  v21: ['01.00', '02.00', '02.01', '02.10', '1.00', '2.00', '2.01', '2.10'],
  v30: ['03.00', '03.01', '03.10', '3.00', '3.01', '3.10'],
} as const;

/** True for a 3.x version string. */
export function isVersion3(version: string | undefined): boolean {
  const v = (version ?? '').trim();
  return v.startsWith('03') || v.startsWith('3.');
}

/** The rule table for a version (2.1 rules for 1.x/2.x and unknown versions). */
export function rulesFor(version: string | undefined): VersionRules {
  return isVersion3(version) ? V30 : V21;
}

/**
 * 8402 examination code groups of the spec list (gdt.md §7, S3); device-specific codes are legal, so an
 * unknown group is only reported as info.
 */
export const ExaminationCodeGroups = [
  'ALLG',
  'EKG',
  'ERGO',
  'LUFU',
  'BDM',
  'SONO',
  'AUDI',
  'APNO',
  'NEUR',
  'OPTO',
  'ALLE',
  'PROV',
  'URO',
  'HÄMA',
] as const;
