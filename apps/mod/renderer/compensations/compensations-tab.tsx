import { ActionRunner, HubRequestError, newIdempotencyKey, pick, translator } from '@giliran/ui';
import { useMemo, useState } from 'preact/hooks';
import type { LiveFeed } from '../live/live-feed.ts';
import { useLive } from '../live/use-live.ts';
import type { TabProps } from '../tab-props.ts';
import { CompensationCard } from './compensation-card.tsx';
import { RaiseForm } from './raise-form.tsx';
import { COMPENSATION_TEXTS } from './texts.ts';

interface Props extends TabProps {
  readonly feed: LiveFeed;
}

export type Run = (send: (key: string) => Promise<unknown>) => Promise<boolean>;

/** The compensation queue: late service raised by the hub, manual kinds raised here; each resolved with who and when. */
export function CompensationsTab({ feed, hub, lang, timeZone }: Props) {
  const t = useMemo(() => translator(COMPENSATION_TEXTS, lang), [lang]);
  const view = useLive(feed);
  const [error, setError] = useState<string | null>(null);
  // One key per press for all its attempts: a record sent just as the connection dropped is sent again after
  // reconnecting, and the hub answers the replay without recording it twice.
  const runner = useMemo(
    () =>
      new ActionRunner({
        newKey: newIdempotencyKey,
        whenOnline: () => hub.whenConnected(),
        isNetworkFailure: (e) => e instanceof HubRequestError && e.code === 'NETWORK',
        onBusy: () => undefined,
      }),
    [hub],
  );
  const run: Run = async (send) => {
    setError(null);
    try {
      await runner.run(send);
      feed.reloadCompensations();
      return true;
    } catch (e) {
      const message = e instanceof HubRequestError ? e.body?.error.message : undefined;
      setError(message ? pick(message, lang) : String(e));
      return false;
    }
  };
  const open = view.compensations.filter((c) => c.resolution === null);
  const done = view.compensations.filter((c) => c.resolution !== null);
  const card = (c: (typeof open)[number]) => (
    <CompensationCard
      key={c.id}
      record={c}
      number={c.ticketId ? (view.numbers.get(c.ticketId) ?? null) : null}
      counterName={view.counters.find((x) => x.id === c.counterId)?.name ?? null}
      hub={hub}
      run={run}
      timeZone={timeZone}
      lang={lang}
      t={t}
    />
  );
  return (
    <div class="comp" data-testid="compensations">
      {error && (
        <p class="comp-error" role="alert">
          {error}
        </p>
      )}
      <div class="comp-columns">
        <section>
          <h2>{t('open', { count: open.length })}</h2>
          {open.length === 0 && <p class="comp-muted">{t('none')}</p>}
          <ul class="comp-list" data-testid="open-compensations">
            {open.map(card)}
          </ul>
          <h2>{t('resolved')}</h2>
          {done.length === 0 && <p class="comp-muted">{t('none')}</p>}
          <ul class="comp-list">{done.map(card)}</ul>
        </section>
        <RaiseForm hub={hub} run={run} numbers={view.numbers} counters={view.counters} t={t} />
      </div>
    </div>
  );
}
