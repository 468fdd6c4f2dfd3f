import type { ReportChainRecordView } from '@giliran/protocol';
import { formatClock, type Lang } from '@giliran/ui';
import { formatDuration, type Timing } from './chain-model.ts';
import type { ChainText } from './texts.ts';

type T = (key: ChainText, vars?: Readonly<Record<string, string | number>>) => string;

const ROLE_TEXT: Readonly<Record<string, ChainText>> = {
  officer: 'role_officer',
  fo: 'role_fo',
  mod: 'role_mod',
  coordinator: 'role_coordinator',
  sekdis: 'role_sekdis',
  kadis: 'role_kadis',
};

/** "Sari (FO/BO), 16.03 WIB": who signed, in which capacity, on the site's clock. */
export function SignedBy(props: { record: ReportChainRecordView; timeZone: string; lang: Lang; t: T }) {
  const { record, t } = props;
  const roleKey = ROLE_TEXT[record.signerRole];
  return (
    <span class="chain-who" data-testid="chain-who">
      {t('signedBy', {
        name: record.signerName,
        role: roleKey ? t(roleKey) : record.signerRole,
        time: formatClock(record.signedAt, props.timeZone, props.lang),
      })}
    </span>
  );
}

/** Elapsed against the standard: green within it, red past it (the SOP's "late" is strictly past). */
export function TimingBadge(props: { timing: Timing; lang: Lang; t: T }) {
  const { timing, lang, t } = props;
  const verdict = timing.late ? 'late' : 'onTime';
  return (
    <span class={`chain-timing chain-timing-${timing.late ? 'late' : 'ok'}`} data-late={String(timing.late)}>
      {t('elapsed', {
        time: formatDuration(timing.elapsedSeconds, lang),
        standard: formatDuration(timing.standardSeconds, lang),
      })}
      <b>{t(verdict)}</b>
    </span>
  );
}
