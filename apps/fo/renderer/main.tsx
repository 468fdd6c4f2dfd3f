import { render } from 'preact';
import { FoApp } from './app.tsx';
import '@giliran/ui/staff-page.css';
import './fo.css';

const root = document.getElementById('app');
if (root) render(<FoApp />, root);
