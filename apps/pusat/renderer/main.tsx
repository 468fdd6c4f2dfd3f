import { render } from 'preact';
import { PusatApp } from './app.tsx';
import '@giliran/ui/staff-page.css';
import './pusat.css';

const root = document.getElementById('app');
if (root) render(<PusatApp />, root);
