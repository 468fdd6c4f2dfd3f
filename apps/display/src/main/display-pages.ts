import { createLocalPages } from '@giliran/desktop-shell/local-pages.ts';

/** A TV shows black between pages and before the first paint: a white flash lights up the whole hall. */
export const DISPLAY_BACKGROUND = '#000000';

/**
 * The display's local pages, white on the TV's black. The offline words promise only what the shell does:
 * it keeps retrying the hub, and the calls go on at the counters meanwhile.
 */
export const { configErrorPageUrl, offlinePageUrl } = createLocalPages({
  look: {
    background: DISPLAY_BACKGROUND,
    text: '#f5f5f5',
    heading: '#ffffff',
    muted: '#b8c0cc',
    panel: '#1b1f27',
  },
  offline: {
    id: {
      title: 'Layar antrean sedang tidak terhubung',
      body: 'Layar akan tersambung kembali dengan sendirinya. Mohon perhatikan panggilan petugas di loket.',
    },
    en: {
      title: 'The queue display is offline',
      body: 'It will reconnect by itself. Please listen for the officers calling at the counters.',
    },
  },
});
