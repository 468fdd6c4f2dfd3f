import { render } from 'preact';
import { PusatApp } from './app.tsx';
import './pusat.css';

const root = document.getElementById('app');
if (root) render(<PusatApp />, root);
