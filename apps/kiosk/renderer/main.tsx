import { render } from 'preact';
import { KioskApp } from './app.tsx';
import { loadKioskConfig } from './kiosk-config.ts';
import '@giliran/ui/touch-screen.css';
import './kiosk.css';

const root = document.getElementById('app');
if (root) {
  void loadKioskConfig().then((config) => {
    if (config) render(<KioskApp config={config} />, root);
    else root.textContent = 'Kios belum dikonfigurasi: buka /kiosk?token=<token perangkat>.';
  });
}
// Pinch-zoom and the long-press menu have no place on a public touch screen.
document.addEventListener('contextmenu', (event) => {
  event.preventDefault();
});
