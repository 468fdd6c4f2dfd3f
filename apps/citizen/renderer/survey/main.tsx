import { render } from 'preact';
import '@giliran/ui/touch-screen.css';
import './survey.css';
import { SurveyApp } from './survey-app.tsx';
import { loadSurveyConfig } from './survey-config.ts';

const root = document.getElementById('app');
if (root) {
  void loadSurveyConfig().then((config) => {
    render(<SurveyApp config={config} />, root);
    // The long-press menu has no place on a public touch screen; a citizen's own phone keeps its own.
    if (config.deviceToken !== null) {
      document.addEventListener('contextmenu', (event) => {
        event.preventDefault();
      });
    }
  });
}
