import type { ReportChainSigned, ReportChainView } from '@giliran/protocol';
import { HubRequestError, pick, translator } from '@giliran/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { hubNowIso, mySignable } from './chain-model.ts';
import { ChainStep, ReceiptItem, type StepContext } from './chain-step.tsx';
import { CHAIN_TEXTS } from './texts.ts';
import './chain.css';

interface Loaded {
  readonly view: ReportChainView;
  /** When the view arrived (PC clock), so running clocks advance from the hub's `now` by the time since. */
  readonly receivedAt: number;
}

/**
 * The end-of-day report chain (SOP steps 9–13) of one service day as a vertical timeline: each step's state,
 * who signed and when, elapsed against its standard, step 9's gerai checklist, and the sign-off the signed-in
 * role may make now. Reloads whenever any screen signs a step of the date shown.
 */
export function ChainTab({ hub, session, lang, timeZone }: TabProps) {
  const t = useMemo(() => translator(CHAIN_TEXTS, lang), [lang]);
  // null: the hub's today. The PC's own date is not used: its clock or zone may be off, and a day the hub has
  // not reached yet would be refused.
  const [chosen, setChosen] = useState<string | null>(null);
  const [hubToday, setHubToday] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  // Only the answer to the latest request is shown: a slow answer for an earlier date must not overwrite it.
  const latest = useRef(0);

  const load = useCallback(
    (which: string | null) => {
      const request = ++latest.current;
      hub.get<ReportChainView>(`/api/report-chain${which === null ? '' : `?date=${which}`}`).then(
        (view) => {
          if (request !== latest.current) return;
          setLoaded({ view, receivedAt: Date.now() });
          if (view.today) setHubToday(view.date);
          setError(null);
        },
        (e: unknown) => {
          if (request !== latest.current) return;
          const message = e instanceof HubRequestError ? e.body?.error.message : undefined;
          setError(message ? pick(message, lang) : t('networkError'));
        },
      );
    },
    [hub, lang, t],
  );

  useEffect(() => {
    load(chosen);
    const onSigned = (signed: ReportChainSigned) => {
      if (chosen === null || signed.date === chosen) load(chosen);
    };
    // After a reconnect the page may have missed sign-offs: reload rather than trust what it shows.
    const onConnect = () => {
      load(chosen);
    };
    hub.socket.on('report-chain:signed', onSigned);
    hub.socket.on('connect', onConnect);
    return () => {
      hub.socket.off('report-chain:signed', onSigned);
      hub.socket.off('connect', onConnect);
    };
  }, [hub, chosen, load]);

  // Open clocks run each second on the day itself; a finished or past day does not move.
  const running = loaded?.view.today === true && !loaded.view.complete;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      setTick((n) => n + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [running]);

  const shown = loaded && (chosen === null ? loaded.view.today : loaded.view.date === chosen);
  const view = shown ? loaded.view : null;
  const ctx: StepContext | null =
    view && loaded
      ? {
          hub,
          view,
          hubNow: hubNowIso(view, loaded.receivedAt, Date.now()),
          mine: mySignable(view, session.role),
          timeZone,
          lang,
          t,
          onSigned: (result) => {
            setLoaded({ view: result.chain, receivedAt: Date.now() });
          },
        }
      : null;

  return (
    <section class="chain" data-testid="chain">
      <header class="chain-head">
        <h2>{t('title')}</h2>
        <label class="chain-date">
          <span>{t('date')}</span>
          <input
            type="date"
            value={chosen ?? hubToday ?? ''}
            max={hubToday ?? undefined}
            onChange={(e) => {
              const picked = e.currentTarget.value;
              if (picked) setChosen(picked === hubToday ? null : picked);
            }}
          />
        </label>
        <button
          type="button"
          class="chain-btn"
          disabled={chosen === null}
          onClick={() => {
            setChosen(null);
          }}
        >
          {t('today')}
        </button>
      </header>
      {error && (
        <p class="chain-error" role="alert">
          {error}
        </p>
      )}
      {!ctx && !error && <p class="chain-muted">{t('loading')}</p>}
      {ctx && (
        <>
          {ctx.view.complete && <p class="chain-complete">{t('complete')}</p>}
          <ol class="chain-timeline">
            {ctx.view.steps.map((step) => (
              <ChainStep key={step.step} step={step} ctx={ctx} />
            ))}
            <ReceiptItem ctx={ctx} />
          </ol>
        </>
      )}
    </section>
  );
}
