import { render } from 'preact';
import { DisplayApp } from './app.tsx';
import { loadDisplayConfig } from './display-config.ts';
import './display.css';

const root = document.getElementById('app');
if (root) {
  const config = loadDisplayConfig(location, localStorage);
  if (config) {
    document.documentElement.lang = config.lang;
    render(<DisplayApp config={config} />, root);
  } else root.textContent = 'Layar antrean belum dikonfigurasi: buka /display?token=<token perangkat>.';
}
