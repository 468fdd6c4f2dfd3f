import { render } from 'preact';
import { DisplayApp } from './app.tsx';
import { showPairingForm, takeTokenFromAddress } from '@giliran/ui/device-pairing';
import { loadDisplayConfig, TOKEN_STORAGE } from './display-config.ts';
import './display.css';

const root = document.getElementById('app');
if (root) {
  takeTokenFromAddress(TOKEN_STORAGE);
  const config = loadDisplayConfig(location, localStorage);
  if (config) {
    document.documentElement.lang = config.lang;
    render(<DisplayApp config={config} />, root);
  } else
    showPairingForm(root, {
      storageKey: TOKEN_STORAGE,
      lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id',
      onPaired: () => {
        location.reload();
      },
    });
}
