import type { LocalizedText } from './config.ts';

// The respondent's profile the SKM report breaks the answers down by. No name, no number: the survey is anonymous.

export const SKM_GENDERS = ['laki_laki', 'perempuan'] as const;
export type SkmGender = (typeof SKM_GENDERS)[number];

/**
 * Age in bands rather than years: tapped in one touch on a kiosk, and a year of birth plus the service and the day
 * would come close to naming the citizen.
 */
export const SKM_AGE_BANDS = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export type SkmAgeBand = (typeof SKM_AGE_BANDS)[number];

// PermenPAN-RB 14/2017's respondent profile starts at no schooling: a citizen without any must be able to answer.
export const SKM_EDUCATIONS = ['tidak_sekolah', 'sd', 'smp', 'sma', 'd3', 's1', 's2', 's3'] as const;
export type SkmEducation = (typeof SKM_EDUCATIONS)[number];

export const SKM_OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya'] as const;
export type SkmOccupation = (typeof SKM_OCCUPATIONS)[number];

export interface SkmRespondent {
  readonly gender: SkmGender;
  readonly ageBand: SkmAgeBand;
  readonly education: SkmEducation;
  readonly occupation: SkmOccupation;
}

const l = (id: string, en: string): LocalizedText => ({ id, en });

export const SKM_GENDER_LABELS: Readonly<Record<SkmGender, LocalizedText>> = {
  laki_laki: l('Laki-laki', 'Male'),
  perempuan: l('Perempuan', 'Female'),
};

export const SKM_AGE_BAND_LABELS: Readonly<Record<SkmAgeBand, LocalizedText>> = {
  under_20: l('< 20 tahun', 'Under 20'),
  '20_29': l('20–29 tahun', '20–29'),
  '30_39': l('30–39 tahun', '30–39'),
  '40_49': l('40–49 tahun', '40–49'),
  '50_59': l('50–59 tahun', '50–59'),
  '60_plus': l('60 tahun ke atas', '60 and over'),
};

export const SKM_EDUCATION_LABELS: Readonly<Record<SkmEducation, LocalizedText>> = {
  tidak_sekolah: l('Tidak sekolah', 'No schooling'),
  sd: l('SD', 'Primary school'),
  smp: l('SMP', 'Junior high school'),
  sma: l('SMA', 'Senior high school'),
  d3: l('D3', 'Diploma (D3)'),
  s1: l('S1', "Bachelor's (S1)"),
  s2: l('S2', "Master's (S2)"),
  s3: l('S3', 'Doctorate (S3)'),
};

export const SKM_OCCUPATION_LABELS: Readonly<Record<SkmOccupation, LocalizedText>> = {
  pns: l('PNS', 'Civil servant'),
  tni: l('TNI', 'Armed forces'),
  polri: l('POLRI', 'Police'),
  swasta: l('Swasta', 'Private sector'),
  wirausaha: l('Wirausaha', 'Self-employed'),
  lainnya: l('Lainnya', 'Other'),
};
