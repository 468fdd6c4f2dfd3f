import { render } from 'preact';
import { ModApp } from './app.tsx';
import './mod.css';

const root = document.getElementById('app');
if (root) render(<ModApp />, root);
