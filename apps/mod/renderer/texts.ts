import type { Dictionary } from '@giliran/ui';

export const TEXTS = {
  title: { id: 'Manager On Duty', en: 'Manager On Duty' },
  signInTitle: { id: 'Masuk Manager On Duty', en: 'Manager On Duty sign-in' },
  wrongRole: {
    id: 'Halaman ini untuk MOD, koordinator, admin, Sekdis dan Kepala Dinas.',
    en: 'This page is for the MOD, coordinator, admin, Sekdis and Head of Agency.',
  },
  tabLive: { id: 'Langsung', en: 'Live' },
  tabCompensations: { id: 'Kompensasi', en: 'Compensation' },
  tabComplaints: { id: 'Pengaduan', en: 'Complaints' },
  tabSkm: { id: 'SKM', en: 'Survey (SKM)' },
  tabReports: { id: 'Laporan', en: 'Reports' },
  tabChain: { id: 'Rantai laporan', en: 'Report chain' },
  tabSettings: { id: 'Pengaturan', en: 'Settings' },
  offline: {
    id: 'Koneksi ke server antrean terputus. Data di layar mungkin tidak terbaru.',
    en: 'Connection to the queue server lost. What you see may be out of date.',
  },
} as const satisfies Dictionary<string>;

export type ModText = keyof typeof TEXTS;
