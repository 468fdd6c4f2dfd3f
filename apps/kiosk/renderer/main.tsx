import { render } from 'preact';
import { KioskApp } from './app.tsx';
import { showPairingForm } from '@giliran/ui/device-pairing';
import { loadKioskConfig, TOKEN_STORAGE } from './kiosk-config.ts';
import '@giliran/ui/touch-screen.css';
import './kiosk.css';

const root = document.getElementById('app');
if (root) {
  void loadKioskConfig().then((config) => {
    if (config) render(<KioskApp config={config} />, root);
    else
      showPairingForm(root, {
        storageKey: TOKEN_STORAGE,
        lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id',
        onPaired: () => {
          location.reload();
        },
      });
  });
}
// Pinch-zoom and the long-press menu have no place on a public touch screen.
document.addEventListener('contextmenu', (event) => {
  event.preventDefault();
});
