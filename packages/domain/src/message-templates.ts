import type { LocalizedText } from './config.ts';

/*
 * What the hub tells citizens by WhatsApp, SMS or e-mail (issue 18): each kind of message with its default text in
 * Indonesian and English. The MOD edits them through the settings (audited); `{name}` placeholders are filled in
 * from the booking or the ticket.
 */

export const MESSAGE_KINDS = [
  'booking-confirmed',
  'booking-reminder-day',
  'booking-reminder-hour',
  'booking-moved',
  'booking-cancelled',
  'ticket-link',
  'ticket-near',
  'ticket-called',
  'ticket-survey',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Each kind's short name, for every screen that lists messages or their texts (MOD's live panel and settings). */
export const MESSAGE_KIND_NAMES: Readonly<Record<MessageKind, LocalizedText>> = {
  'booking-confirmed': { id: 'Booking: tercatat', en: 'Booking: confirmed' },
  'booking-reminder-day': { id: 'Booking: pengingat H-1', en: 'Booking: reminder, day before' },
  'booking-reminder-hour': { id: 'Booking: pengingat 1 jam', en: 'Booking: reminder, one hour' },
  'booking-moved': { id: 'Booking: dipindah', en: 'Booking: moved' },
  'booking-cancelled': { id: 'Booking: dibatalkan', en: 'Booking: cancelled' },
  'ticket-link': { id: 'Tiket: tautan', en: 'Ticket: link' },
  'ticket-near': { id: 'Tiket: giliran dekat', en: 'Ticket: turn near' },
  'ticket-called': { id: 'Tiket: dipanggil', en: 'Ticket: called' },
  'ticket-survey': { id: 'Tiket: survei SKM', en: 'Ticket: SKM survey' },
};

export type MessageTemplates = Readonly<Record<MessageKind, LocalizedText>>;

/** The placeholders a template may use; any other `{word}` is left as written. */
export const MESSAGE_PLACEHOLDERS = [
  'code',
  'link',
  'name',
  'service',
  'date',
  'start',
  'end',
  'number',
  'ahead',
  'counter',
  'site',
] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

export const DEFAULT_MESSAGE_TEMPLATES: MessageTemplates = {
  'booking-confirmed': {
    id: '{site}: booking {code} untuk {service} pada {date} pukul {start}–{end} sudah tercatat atas nama {name}. Tunjukkan kode atau QR ini di kios saat datang: {link}',
    en: '{site}: booking {code} for {service} on {date} at {start}–{end} is confirmed for {name}. Show this code or QR at the kiosk when you arrive: {link}',
  },
  'booking-reminder-day': {
    id: '{site}: pengingat, besok {date} pukul {start} Anda punya booking {code} untuk {service}. Detail: {link}',
    en: '{site}: reminder, tomorrow {date} at {start} you have booking {code} for {service}. Details: {link}',
  },
  'booking-reminder-hour': {
    id: '{site}: satu jam lagi (pukul {start}) booking {code} untuk {service}. Check-in di kios dengan kode ini. {link}',
    en: '{site}: in one hour ({start}) your booking {code} for {service}. Check in at the kiosk with this code. {link}',
  },
  'booking-moved': {
    id: '{site}: booking {code} dipindah ke {date} pukul {start}–{end}. Detail: {link}',
    en: '{site}: booking {code} moved to {date} at {start}–{end}. Details: {link}',
  },
  'booking-cancelled': {
    id: '{site}: booking {code} untuk {service} pada {date} pukul {start} dibatalkan.',
    en: '{site}: booking {code} for {service} on {date} at {start} is cancelled.',
  },
  'ticket-link': {
    id: '{site}: nomor antrean Anda {number} ({service}). Pantau giliran Anda di {link}',
    en: '{site}: your queue number is {number} ({service}). Follow your turn at {link}',
  },
  'ticket-near': {
    id: '{site}: {ahead} orang lagi sebelum Anda (nomor {number}). Mohon bersiap di dekat loket. {link}',
    en: '{site}: {ahead} more people before you (number {number}). Please get ready near the counters. {link}',
  },
  'ticket-called': {
    id: '{site}: nomor {number} dipanggil ke {counter}. Silakan menuju loket sekarang.',
    en: '{site}: number {number} is called to {counter}. Please go to the counter now.',
  },
  'ticket-survey': {
    id: '{site}: terima kasih. Mohon nilai layanan kami (Survei Kepuasan Masyarakat): {link}',
    en: '{site}: thank you. Please rate our service (public satisfaction survey): {link}',
  },
};

/** The e-mail subject of each kind (WhatsApp and SMS have none). */
export const MESSAGE_SUBJECTS: MessageTemplates = {
  'booking-confirmed': { id: 'Booking {code} tercatat', en: 'Booking {code} confirmed' },
  'booking-reminder-day': { id: 'Pengingat booking {code} besok', en: 'Reminder: booking {code} tomorrow' },
  'booking-reminder-hour': { id: 'Booking {code} satu jam lagi', en: 'Booking {code} in one hour' },
  'booking-moved': { id: 'Booking {code} dipindah', en: 'Booking {code} moved' },
  'booking-cancelled': { id: 'Booking {code} dibatalkan', en: 'Booking {code} cancelled' },
  'ticket-link': { id: 'Nomor antrean {number}', en: 'Queue number {number}' },
  'ticket-near': { id: 'Giliran Anda sudah dekat', en: 'Your turn is near' },
  'ticket-called': { id: 'Nomor {number} dipanggil', en: 'Number {number} called' },
  'ticket-survey': { id: 'Survei kepuasan', en: 'Satisfaction survey' },
};

/** Fills `{placeholder}`s in; a placeholder with no value is left empty, an unknown word stays as written. */
export function renderTemplate(
  text: string,
  values: Readonly<Partial<Record<MessagePlaceholder, string | number>>>,
): string {
  return text
    .replace(/\{([a-z]+)\}/g, (whole, word: string) => {
      if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(word)) return whole;
      const value = values[word as MessagePlaceholder];
      return value === undefined ? '' : String(value);
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
