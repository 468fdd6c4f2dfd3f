import type { LocalizedText } from './config.ts';

/**
 * The nine elements (unsur) of the SKM questionnaire of PermenPAN-RB 14/2017, in the regulation's order.
 * Each question has its own four answers: "Waktu" is answered in speed, "Biaya" in price, so one generic
 * "tidak puas … sangat puas" scale would put words in the citizen's mouth.
 */
export interface SkmUnsur {
  /** U1 … U9, as agencies print them in their report tables. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly question: LocalizedText;
  /** Answers for scores 1, 2, 3 and 4, in that order. */
  readonly labels: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

const l = (id: string, en: string): LocalizedText => ({ id, en });

export const SKM_UNSUR: readonly SkmUnsur[] = [
  {
    code: 'U1',
    name: l('Persyaratan', 'Requirements'),
    question: l(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well did the requirements fit the service you applied for?',
    ),
    labels: [
      l('Tidak sesuai', 'Not appropriate'),
      l('Kurang sesuai', 'Somewhat inappropriate'),
      l('Sesuai', 'Appropriate'),
      l('Sangat sesuai', 'Very appropriate'),
    ],
  },
  {
    code: 'U2',
    name: l('Sistem, Mekanisme, dan Prosedur', 'System, mechanism and procedure'),
    question: l(
      'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      'How easy was the service procedure here?',
    ),
    labels: [
      l('Tidak mudah', 'Not easy'),
      l('Kurang mudah', 'Not quite easy'),
      l('Mudah', 'Easy'),
      l('Sangat mudah', 'Very easy'),
    ],
  },
  {
    code: 'U3',
    name: l('Waktu Penyelesaian', 'Completion time'),
    question: l(
      'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service?',
    ),
    labels: [
      l('Tidak cepat', 'Not fast'),
      l('Kurang cepat', 'Not quite fast'),
      l('Cepat', 'Fast'),
      l('Sangat cepat', 'Very fast'),
    ],
  },
  {
    code: 'U4',
    name: l('Biaya/Tarif', 'Cost / fee'),
    question: l(
      'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      'How fair was the fee for the service?',
    ),
    labels: [
      l('Sangat mahal', 'Very expensive'),
      l('Cukup mahal', 'Rather expensive'),
      l('Murah', 'Cheap'),
      l('Gratis', 'Free'),
    ],
  },
  {
    code: 'U5',
    name: l('Produk Spesifikasi Jenis Pelayanan', 'Service product'),
    question: l(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well did what you received match the product promised in the service standard?',
    ),
    labels: [
      l('Tidak sesuai', 'Not matching'),
      l('Kurang sesuai', 'Partly matching'),
      l('Sesuai', 'Matching'),
      l('Sangat sesuai', 'Fully matching'),
    ],
  },
  {
    code: 'U6',
    name: l('Kompetensi Pelaksana', 'Staff competence'),
    question: l(
      'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent was the officer who served you?',
    ),
    labels: [
      l('Tidak kompeten', 'Not competent'),
      l('Kurang kompeten', 'Not quite competent'),
      l('Kompeten', 'Competent'),
      l('Sangat kompeten', 'Very competent'),
    ],
  },
  {
    code: 'U7',
    name: l('Perilaku Pelaksana', 'Staff behaviour'),
    question: l(
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How polite and friendly was the officer?',
    ),
    labels: [
      l('Tidak sopan dan ramah', 'Not polite or friendly'),
      l('Kurang sopan dan ramah', 'Not quite polite or friendly'),
      l('Sopan dan ramah', 'Polite and friendly'),
      l('Sangat sopan dan ramah', 'Very polite and friendly'),
    ],
  },
  {
    code: 'U8',
    name: l('Sarana dan Prasarana', 'Facilities'),
    question: l(
      'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      'How good were the facilities?',
    ),
    labels: [l('Buruk', 'Poor'), l('Cukup', 'Fair'), l('Baik', 'Good'), l('Sangat baik', 'Very good')],
  },
  {
    code: 'U9',
    name: l('Penanganan Pengaduan, Saran dan Masukan', 'Handling of complaints and suggestions'),
    question: l(
      'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      'How are complaints from service users handled here?',
    ),
    labels: [
      l('Tidak ada', 'There is none'),
      l('Ada tetapi tidak berfungsi', 'There is one but it does not work'),
      l('Berfungsi kurang maksimal', 'It works, but not fully'),
      l('Dikelola dengan baik', 'It is handled well'),
    ],
  },
];

export const SKM_UNSUR_COUNT = 9;

/** One answer, 1 (worst) to 4 (best). */
export type SkmScore = 1 | 2 | 3 | 4;
