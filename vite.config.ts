import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const page = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// One build for every screen: pages share the UI package and one asset folder the hub serves at /assets.
export default defineConfig({
  root: page('./apps'),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: page('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        kiosk: page('./apps/kiosk/renderer/index.html'),
        'ticket-status': page('./apps/citizen/renderer/ticket-status.html'),
        pengaduan: page('./apps/citizen/renderer/pengaduan.html'),
        survey: page('./apps/citizen/renderer/survey.html'),
        display: page('./apps/display/renderer/index.html'),
        counter: page('./apps/counter/renderer/index.html'),
        mod: page('./apps/mod/renderer/index.html'),
        fo: page('./apps/fo/renderer/index.html'),
        booking: page('./apps/citizen/renderer/booking.html'),
        pusat: page('./apps/pusat/renderer/index.html'),
        mobile: page('./apps/mobile/renderer/index.html'),
        // The status page's service worker: a fixed name, since the hub serves it at /t/sw.js (scope /t/).
        'ticket-sw': page('./apps/citizen/renderer/ticket-sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'ticket-sw' ? 'ticket-sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
