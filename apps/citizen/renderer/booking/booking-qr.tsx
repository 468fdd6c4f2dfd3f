/** The booking's QR as the hub drew it (SVG markup from receiptline, the hub's own output). */
export function BookingQr({ token, svg }: { token: string; svg: string }) {
  return <div class="bk-qr" data-token={token} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** An .ics event for the phone's calendar: the session, in the site's local time with its zone. */
export function icsFile(b: {
  code: string;
  date: string;
  session: { start: string; end: string };
  title: string;
  timeZone: string;
}): string {
  const stamp = (hhmm: string) => `${b.date.replaceAll('-', '')}T${hhmm.replace(':', '')}00`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Giliran//Booking//ID',
    'BEGIN:VEVENT',
    `UID:${b.code}@giliran`,
    `DTSTAMP:${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
    `DTSTART;TZID=${b.timeZone}:${stamp(b.session.start)}`,
    `DTEND;TZID=${b.timeZone}:${stamp(b.session.end)}`,
    `SUMMARY:${b.title.replace(/[,;\\]/g, ' ')}`,
    `DESCRIPTION:Kode ${b.code}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
