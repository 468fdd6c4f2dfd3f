import { pick, type Lang } from '@giliran/ui';
import type { LocalizedMessage } from '../wire.ts';
import type { T } from './t.ts';

export function Busy({ label }: { label: string }) {
  return (
    <section class="screen centered" data-screen="busy" aria-busy="true">
      <div class="spinner" aria-hidden="true" />
      <p class="status-title">{label}</p>
    </section>
  );
}

export function Thanks({ t, onDone }: { t: T; onDone: () => void }) {
  return (
    <section class="screen centered survey-thanks" data-screen="thanks">
      <div class="survey-thanks-mark" aria-hidden="true">
        ✓
      </div>
      <p class="status-title">{t('thanksTitle')}</p>
      <p class="status-body">{t('thanksBody')}</p>
      <button type="button" class="survey-next" data-testid="done" onClick={onDone}>
        {t('done')}
      </button>
    </section>
  );
}

/**
 * A refusal in the language the citizen chose, as every other line of the page (a line in the other language under
 * it read as noise; the language button at the top is how a reader of the other language gets it).
 */
export function Refused({
  message,
  lang,
  t,
  onRestart,
}: {
  message: LocalizedMessage;
  lang: Lang;
  t: T;
  onRestart: () => void;
}) {
  return (
    <section class="screen centered warning survey-refused" data-screen="refused" role="alert">
      <p class="status-title">{t('refusedTitle')}</p>
      <p class="status-body survey-refused-main" lang={lang}>
        {pick(message, lang)}
      </p>
      <button type="button" class="survey-next" data-testid="restart" onClick={onRestart}>
        {t('tryAgain')}
      </button>
    </section>
  );
}
