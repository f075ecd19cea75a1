// Generated GDT corpus for the benchmark and the long fuzz run: realistic 6310 results (header, patient,
// 6228 result text, test blocks, attachment) and 6302 orders, CP437 and ISO-8859-1, synthetic names only.
import { buildOrder, createRecord, type GdtCharset, type GdtRecord } from '../../packages/gdt/src/index.ts';
import { prng } from '../../packages/gdt/src/testing/mutate.ts';

const LAST = ['Muster', 'Müller', 'Schäfer', 'Groß', 'Özdemir', 'Beispiel', 'Köhler', 'Weiß'];
const FIRST = ['Erika', 'Jürgen', 'Sören', 'Anna', 'Björn', 'Lena', 'Max', 'Käthe'];
const TEXT = [
  'Sinusrhythmus, HF 72/min, Lagetyp: Indifferenztyp',
  'PQ 160 ms, QRS 90 ms, QTc 410 ms, keine Erregungsrückbildungsstörung',
  'FEV1 3,21 l (92 % Soll), FVC 4,05 l (95 % Soll), Tiffeneau 79 %',
  'Befund: unauffällig, Kontrolle in 12 Monaten empfohlen',
  '   Parameter        Wert     Einheit   Norm',
  '   Systole max      142      mmHg      < 135',
];

/** One record; `seed` makes it reproducible. */
export function sampleRecord(seed: number): GdtRecord {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const charset: GdtCharset = rnd() < 0.5 ? 'cp437' : 'iso-8859-1';
  const patient = {
    number: String(1000 + Math.floor(rnd() * 900000)),
    lastName: pick(LAST),
    firstName: pick(FIRST),
    birthDate: `${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}0${1 + Math.floor(rnd() * 9)}19${50 + Math.floor(rnd() * 49)}`,
  };
  if (rnd() < 0.3) {
    return buildOrder({ receiverId: 'EKG1', senderId: 'PRAXIS', patient, examination: 'EKG01', charset });
  }
  const fields: [string, string][] = [
    ['8315', 'PRAXIS'],
    ['8316', 'EKG1'],
    ['9206', charset === 'cp437' ? '2' : '3'],
    ['9218', '02.10'],
    ['3000', patient.number],
    ['3101', patient.lastName],
    ['3102', patient.firstName],
    ['3103', patient.birthDate],
    ['6200', '23112026'],
    ['6201', '101500'],
    ['8402', 'EKG01'],
  ];
  const lines = 5 + Math.floor(rnd() * 25);
  for (let i = 0; i < lines; i++) {
    fields.push(['6228', pick(TEXT)]);
  }
  for (let t = 0; t < 2; t++) {
    fields.push(['8410', `HF${t}`], ['8411', 'Herzfrequenz'], ['8420', String(60 + t)], ['8421', '/min']);
  }
  fields.push(['6302', '001'], ['6303', 'PDF'], ['6304', 'Ruhe-EKG'], ['6305', `C:\\GDT\\ekg_${seed}.pdf`]);
  return createRecord('6310', fields, { charset });
}
