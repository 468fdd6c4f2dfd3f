import type { CompensationKind } from '@giliran/domain';

export interface Localized {
  readonly id: string;
  readonly en: string;
}

/** The kinds of SK 108/2024 as the report names them. */
export const COMPENSATION_KIND_NAMES: Readonly<Record<CompensationKind, Localized>> = {
  late_service: { id: 'Pelayanan terlambat', en: 'Late service' },
  fee_mismatch: { id: 'Biaya tidak sesuai ketentuan', en: 'Fee not as published' },
  complaint_late: { id: 'Tindak lanjut pengaduan terlambat', en: 'Complaint answered late' },
  officer_incompetent: { id: 'Petugas tidak kompeten', en: 'Officer not competent' },
  sop_not_followed: { id: 'Pelayanan tidak sesuai SOP', en: 'SOP not followed' },
  wrong_product: { id: 'Produk layanan salah', en: 'Wrong product' },
};

export const TOTAL_NAME: Localized = { id: 'Total', en: 'Total' };
export const UNKNOWN_NAME: Localized = { id: 'Tidak dikenal', en: 'Unknown' };
