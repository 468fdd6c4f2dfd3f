// Every figure the wait-accuracy simulation uses, in one place, each with where it comes from. A hall replays its own
// days by changing these (its counters and services, its arrival counts from the MOD reports' "arrivals per hour",
// its service times from the report's service column) and running `npm run bench -- wait-accuracy`.
//
// Sources:
//   [seed-002]  /work/shared/seeds 002 (SOP MPP Kubu Raya): mutu baku waktu of steps 4–8 = 2+2+5+5+1 = 15 min.
//   [seed-003]  seed 003 (Standar Pelayanan, Kec. Kedopok): jangka waktu penyelesaian 15 menit for its letter.
//   [seed-000]  seed 000 (pelayanan keliling): service hours 09.00–12.00, break before 13.00 (WIB).
//   [domain]    DOMAIN.md: priority categories (UU 25/2009 Pasal 29), pause reasons (istirahat, sholat, sholat Jumat).
//   [demo-site] assets/demo-site/site.json: the hall's 13 services and 12 counters (which counter serves what).
//   [load-plan] tests/support/load-plan.ts: the simulated-day load test's arrival curve (morning peak, lunch dip)
//               and its 7 % priority share.
//   [assumed]   no published per-service figure in the seeds; a plausible value, to be replaced by the hall's own.
//               The seeds give no visitor counts; the day volumes below are sized so that a normal day loads the
//               12 counters at about 80 % over the day, with queues at the morning peak (as MPP halls report).

export interface ServiceParams {
  readonly id: string;
  /**
   * Share of the day's arrivals. [assumed]: a hall staffs each gerai for its demand, so the shares are set to load
   * every counter group alike (about 80 % of its hours on a normal day) given the demo site's counters.
   */
  readonly share: number;
  /** Median minutes at the desk (step 4 → finish). [seed-002] 15 min scaled per service [assumed]. */
  readonly medianMinutes: number;
}

export const SIM_SITE = {
  timeZone: 'Asia/Jakarta',
  // Hours of the hall [seed-000 break before 13.00; typical MPP Senin–Kamis 08.00–15.00, Jumat with prayer] [assumed].
  hours: {
    monThu: [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '15:00' },
    ],
    fri: [
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '15:00' },
    ],
  },
  // [demo-site]
  counters: [
    { id: 'loket-1', serviceIds: ['ktp-el', 'kk'] },
    { id: 'loket-2', serviceIds: ['ktp-el', 'kk', 'akta-lahir'] },
    { id: 'loket-3', serviceIds: ['stnk', 'pkb'] },
    { id: 'loket-4', serviceIds: ['stnk', 'pkb'] },
    { id: 'loket-5', serviceIds: ['jkn'] },
    { id: 'loket-6', serviceIds: ['jht'] },
    { id: 'loket-7', serviceIds: ['paspor'] },
    { id: 'loket-8', serviceIds: ['skck'] },
    { id: 'loket-9', serviceIds: ['nib'] },
    { id: 'loket-10', serviceIds: ['npwp'] },
    { id: 'loket-11', serviceIds: ['pdam'] },
    { id: 'loket-12', serviceIds: ['izin-keramaian', 'nib'] },
  ],
  services: [
    { id: 'ktp-el', share: 0.1, medianMinutes: 10 },
    { id: 'kk', share: 0.045, medianMinutes: 12 },
    { id: 'akta-lahir', share: 0.02, medianMinutes: 12 },
    { id: 'stnk', share: 0.12, medianMinutes: 9 },
    { id: 'pkb', share: 0.08, medianMinutes: 7 },
    { id: 'jkn', share: 0.085, medianMinutes: 10 },
    { id: 'jht', share: 0.07, medianMinutes: 12 },
    { id: 'paspor', share: 0.06, medianMinutes: 14 },
    { id: 'skck', share: 0.08, medianMinutes: 11 },
    { id: 'nib', share: 0.075, medianMinutes: 13 },
    { id: 'npwp', share: 0.095, medianMinutes: 9 },
    { id: 'pdam', share: 0.12, medianMinutes: 7 },
    { id: 'izin-keramaian', share: 0.05, medianMinutes: 15 },
  ] satisfies readonly ServiceParams[],
} as const;

export interface PeopleParams {
  readonly serviceSigma: number;
  readonly longShare: number;
  readonly longFactor: readonly [number, number];
  readonly walkSeconds: readonly [number, number];
  readonly priorityShare: number;
  readonly noShowShare: number;
  readonly noShowStepSeconds: readonly [number, number];
  readonly transferShare: number;
  readonly lateReturnMinutes: readonly [number, number];
  readonly unplannedPauseChance: number;
  readonly unplannedPauseMinutes: readonly [number, number];
  readonly arrivalCurve: readonly (readonly [number, number, number])[];
}

export const SIM_PEOPLE: PeopleParams = {
  /** Log-normal σ of desk time: heavy right tail (a missing document, a system outage). [assumed] */
  serviceSigma: 0.55,
  /** Of these, a few take 2–4× as long (verification by the agency's back office). [assumed] */
  longShare: 0.04,
  longFactor: [2, 4],
  /** Walk from the seat to the desk after the call, seconds. [seed-002] step 3 standard 1 min → [20, 90] s. */
  walkSeconds: [20, 90],
  /** Share of arrivals with a priority ticket. [load-plan] 7 %. */
  priorityShare: 0.07,
  /** Share not at the desk when called: recalled after 60–120 s, no-show 60–120 s later. [assumed] */
  noShowShare: 0.05,
  noShowStepSeconds: [60, 120],
  /** Share sent to another service after step 5 (wrong service chosen at the kiosk). [assumed] */
  transferShare: 0.03,
  /** Officers back from the lunch break up to this many minutes after the window opens. [assumed] */
  lateReturnMinutes: [0, 12],
  /** Chance per counter and day of a short unplanned pause (urusan dinas), its length in minutes. [assumed] */
  unplannedPauseChance: 0.4,
  unplannedPauseMinutes: [10, 35],
  /** Arrivals per local minute-of-day band, relative weights: [load-plan]'s curve (peak 09–10, lunch dip). */
  arrivalCurve: [
    [8 * 60, 9 * 60, 14],
    [9 * 60, 10 * 60, 19],
    [10 * 60, 11 * 60, 17],
    [11 * 60, 12 * 60, 13],
    [13 * 60, 14 * 60, 11],
    [14 * 60, 15 * 60, 8],
  ],
};

/**
 * What limits the figures: the same days with regular desks (service times spread σ = 0.2, no long cases, no
 * unplanned pauses, officers back from lunch on time). Not a target scenario, a measure of how much of the error
 * is the desks' own unpredictability rather than the estimator's.
 */
export const REGULAR_DESKS: PeopleParams = {
  ...SIM_PEOPLE,
  serviceSigma: 0.2,
  longShare: 0,
  unplannedPauseChance: 0,
  lateReturnMinutes: [0, 0],
};

export type DayKind = 'quiet' | 'normal' | 'friday' | 'peak';

/** Tickets a day of each kind brings. [assumed]: see the note on volumes above; a peak is the day after a holiday. */
export const DAY_VOLUME: Readonly<Record<DayKind, number>> = {
  quiet: 140,
  normal: 200,
  friday: 160,
  peak: 300,
};

/** The replayed month: 24 working days of several kinds. The history of the first week trains the estimator. */
export const DAY_PLAN: readonly DayKind[] = [
  'normal',
  'normal',
  'quiet',
  'normal',
  'friday',
  'peak',
  'normal',
  'normal',
  'quiet',
  'friday',
  'normal',
  'quiet',
  'normal',
  'normal',
  'friday',
  'peak',
  'normal',
  'quiet',
  'normal',
  'friday',
  'normal',
  'normal',
  'quiet',
  'peak',
];

export const SIM_SEED = 19;
