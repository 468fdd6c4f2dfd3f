import { createLocalPages } from '@giliran/desktop-shell/local-pages.ts';

/** The light background of the hub's pages, so a reload or the offline page does not flash dark. */
export const COUNTER_BACKGROUND = '#f4f6fa';

/**
 * The counter's local pages. The offline words are for the officer, and promise only what the shell does:
 * it keeps retrying the hub page by itself.
 */
export const { configErrorPageUrl, offlinePageUrl } = createLocalPages({
  look: {
    background: COUNTER_BACKGROUND,
    text: '#14213d',
    heading: '#0b4f8a',
    muted: '#4a5670',
    panel: '#fff',
  },
  offline: {
    id: {
      title: 'Aplikasi loket tidak terhubung ke server antrean',
      body: 'Aplikasi mencoba menyambung kembali dengan sendirinya. Bila berlangsung lama, periksa jaringan atau hubungi teknisi.',
    },
    en: {
      title: 'The counter app cannot reach the queue server',
      body: 'It keeps trying to reconnect by itself. If this lasts, check the network or call the technician.',
    },
  },
});
