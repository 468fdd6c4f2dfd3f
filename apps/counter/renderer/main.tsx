import { render } from 'preact';
import { CounterApp } from './app.tsx';
import { loadPageConfig } from './session.ts';
import './counter.css';

const root = document.getElementById('app');
if (root) {
  void loadPageConfig().then((config) => {
    document.documentElement.lang = config.lang;
    render(<CounterApp config={config} />, root);
  });
}
