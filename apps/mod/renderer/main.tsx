import { render } from 'preact';
import { ModApp } from './app.tsx';
import '@giliran/ui/staff-page.css';
import './mod.css';

const root = document.getElementById('app');
if (root) render(<ModApp />, root);
