import { pick, type HubClient, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import type { CalendarYearsView } from './wire.ts';

const RECHECK_MS = 30 * 60_000;

/**
 * From 1 October, until next year's SKB holidays and cuti bersama are entered and confirmed (Pengaduan →
 * Kalender): deadlines counted into that year know only its fixed-date holidays and are provisional.
 */
export function CalendarBanner({ hub, lang }: { readonly hub: HubClient; readonly lang: Lang }) {
  const [missing, setMissing] = useState<number | null>(null);
  useEffect(() => {
    const check = () => {
      hub.get<CalendarYearsView>('/api/calendar/years').then(
        (view) => {
          setMissing(view.missingYear);
        },
        () => undefined,
      );
    };
    check();
    const timer = setInterval(check, RECHECK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [hub]);
  if (missing === null) return null;
  const text = {
    id: `Kalender libur ${missing} belum dimasukkan dan dikonfirmasi. Masukkan hari libur nasional dan cuti bersama ${missing} dari SKB (Pengaduan → Kalender), lalu konfirmasi. Sampai saat itu tenggat pengaduan yang melewati ${missing} bersifat sementara.`,
    en: `The ${missing} holiday calendar is not entered and confirmed yet. Enter ${missing}'s national holidays and cuti bersama from the SKB (Complaints → Calendar), then confirm. Until then complaint deadlines that run into ${missing} are provisional.`,
  };
  return (
    <div class="mod-calendar-warning" role="alert" data-testid="calendar-warning">
      {pick(text, lang)}
    </div>
  );
}
