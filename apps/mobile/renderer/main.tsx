import { render } from 'preact';
import { MobileApp } from './app.tsx';
import '@giliran/ui/staff-page.css';
import './mobile.css';

const root = document.getElementById('app');
if (root) render(<MobileApp />, root);
