import type { LocalizedText } from './config.ts';

/**
 * The names of the 13 SOP steps (seed 002: the hall's SOP), short enough for a counter screen and a report column.
 * A site names its own in `sopStepNames`; these stand for the steps it leaves out.
 */
export const DEFAULT_SOP_STEP_NAMES: Readonly<Record<number, LocalizedText>> = {
  1: { id: 'Ambil nomor antrean', en: 'Take a queue number' },
  2: { id: 'Diarahkan FO ke gerai', en: 'Directed by FO to the counter' },
  3: { id: 'Menunggu panggilan', en: 'Wait for the call' },
  4: { id: 'Penjelasan layanan & persyaratan', en: 'Explain the service and requirements' },
  5: { id: 'Terima & periksa berkas', en: 'Receive and check the files' },
  6: { id: 'Verifikasi, validasi & retribusi', en: 'Verify, validate, fee' },
  7: { id: 'Proses layanan', en: 'Process the service' },
  8: { id: 'Serahkan dokumen', en: 'Hand over the document' },
  9: { id: 'Rekap gerai ke FO', en: "Counter's recap to FO" },
  10: { id: 'Rekap semua gerai ke MOD', en: "All counters' recap to MOD" },
  11: { id: 'Laporan MPP ke koordinator', en: 'MPP report to the coordinator' },
  12: { id: 'Konsultasi ke Sekdis', en: 'Consulting the Sekdis' },
  13: { id: 'Diteruskan ke Kepala Dinas', en: 'Passed to the Head of Office' },
};

/** Every step's name, the site's own over the defaults, keyed "1" … "13". */
export function sopStepNames(site: Partial<Record<string, LocalizedText>>): Record<string, LocalizedText> {
  const names: Record<string, LocalizedText> = {};
  for (const [step, name] of Object.entries(DEFAULT_SOP_STEP_NAMES)) names[step] = site[step] ?? name;
  return names;
}
