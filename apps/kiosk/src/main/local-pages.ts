import { createLocalPages } from '@giliran/desktop-shell/local-pages.ts';

/**
 * The kiosk's local pages: the kiosk page's own colours (@giliran/ui/touch-screen.css), and the same words as its
 * offline screen (renderer/texts.ts), so citizens see one message.
 */
export const { configErrorPageUrl, offlinePageUrl } = createLocalPages({
  look: { background: '#f4f6fa', text: '#14213d', heading: '#0b4f8a', muted: '#4a5670', panel: '#fff' },
  offline: {
    id: {
      title: 'Mesin antrean sedang tidak terhubung',
      body: 'Mohon tunggu sebentar atau hubungi petugas Front Office. Tidak ada tiket yang dibuat.',
    },
    en: {
      title: 'The queue machine is offline',
      body: 'Please wait a moment or ask the Front Office officer. No ticket has been issued.',
    },
  },
});
