import { pick, type Lang } from '@giliran/ui';
import type { DeskCompensation } from '../desk-state.ts';
import type { T } from './types.ts';

interface Props {
  readonly number: string;
  readonly owed: DeskCompensation;
  readonly disabled: boolean;
  readonly onGiven: () => void;
  readonly lang: Lang;
  readonly t: T;
}

/** Late service per SK 108/2024: what the citizen at the desk is owed, until the officer records it as given. */
export function LateBanner({ number, owed, disabled, onGiven, lang, t }: Props) {
  return (
    <section class="late-banner" role="alert" data-testid="late-banner">
      <div>
        <strong>{t('lateTitle', { number })}</strong>
        <p>{t('lateOwed', { remedy: pick(owed.remedy, lang) })}</p>
      </div>
      <button type="button" class="btn btn-late" disabled={disabled} onClick={onGiven}>
        {t('lateGiven')}
      </button>
    </section>
  );
}
