import {
  ActionRunner,
  formatTime,
  HubRequestError,
  newIdempotencyKey,
  pick,
  type CounterAction,
  type Lang,
} from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ActionBar, type ActionButton } from './components/action-bar.tsx';
import { CallSpecificDialog, PauseDialog, TransferDialog } from './components/dialogs.tsx';
import { CurrentTicket } from './components/current-ticket.tsx';
import { FiguresPanel } from './components/figures-panel.tsx';
import { LateBanner } from './components/late-banner.tsx';
import { PeersPanel } from './components/peers-panel.tsx';
import { QueuePanel } from './components/queue-panel.tsx';
import { TopBar } from './components/top-bar.tsx';
import { VisitRegisterPanel } from './components/visit-register.tsx';
import type { T } from './components/types.ts';
import { DeskFeed, type DeskView } from './desk-feed.ts';
import { activeTicket, findByNumber, noShowsFor, owedFor, waitingFor } from './desk-view.ts';
import { actionForKey } from './keys.ts';
import { bridge, type Session } from './session.ts';
import type { PauseReason } from './wire.ts';

type Dialog = 'pause' | 'transfer' | 'call-specific' | null;

interface Props {
  readonly session: Session;
  readonly lang: Lang;
  readonly shortcuts: Readonly<Partial<Record<CounterAction, string>>>;
  readonly onLang: () => void;
  readonly onSignOut: (ended: boolean) => void;
  readonly t: T;
}

function useFeed(session: Session): { feed: DeskFeed; view: DeskView } {
  const feed = useMemo(() => new DeskFeed(session), [session]);
  const [view, setView] = useState(feed.current);
  useEffect(() => {
    setView(feed.current);
    const unsubscribe = feed.subscribe(setView);
    return () => {
      unsubscribe();
      feed.close();
    };
  }, [feed]);
  return { feed, view };
}

/** Re-renders every second so timers run between broadcasts. */
function useTick(): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((n) => n + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
}

/** The officer's working screen at one counter. */
export function Desk({ session, lang, shortcuts, onLang, onSignOut, t }: Props) {
  const { feed, view } = useFeed(session);
  useTick();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const runner = useMemo(
    () =>
      new ActionRunner({
        newKey: newIdempotencyKey,
        whenOnline: () => feed.whenOnline(),
        isNetworkFailure: (e) => e instanceof HubRequestError && e.code === 'NETWORK',
        onBusy: setBusy,
      }),
    [feed],
  );

  useEffect(() => {
    if (view.sessionEnded) onSignOut(true);
  }, [view.sessionEnded, onSignOut]);

  const { counterId } = session;
  const counter = view.counters.find((c) => c.id === counterId);
  const serviceIds = counter?.serviceIds ?? [];
  const deskCounter = view.desk.counters.get(counterId);
  const paused = deskCounter?.pausedReason ?? null;
  const desk = activeTicket(view.desk, counterId);
  const active = desk && view.active?.id === desk.id ? view.active : null;
  const ready = view.connection === 'online' && view.synced && !busy;
  const owed = desk ? owedFor(view.desk, desk.id) : undefined;
  const hubNow = feed.hubNow();

  async function act(send: (key: string) => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await runner.run(send);
    } catch (e) {
      const message = e instanceof HubRequestError ? e.body?.error.message : undefined;
      setError(message ? pick(message, lang) : t('offline'));
    }
  }
  const hub = feed.hub;
  const ticketId = desk?.id ?? '';

  const buttons: ActionButton[] = [
    { action: 'call-next', label: 'callNext', enabled: ready && !desk && !paused, primary: !desk },
    { action: 'recall', label: 'recall', enabled: ready && desk?.status === 'called' },
    {
      action: 'step',
      label: desk?.status === 'serving' ? 'nextStep' : 'start',
      enabled: ready && desk !== null && (desk.status === 'called' || (desk.step ?? 8) < 8),
      primary: desk !== null && desk.status === 'called',
    },
    {
      action: 'finish',
      label: 'finish',
      enabled: ready && desk?.status === 'serving',
      primary: desk?.step === 8,
    },
    { action: 'no-show', label: 'noShow', enabled: ready && desk?.status === 'called' },
    { action: 'transfer', label: 'transfer', enabled: ready && desk !== null },
    { action: 'call-specific', label: 'callSpecific', enabled: ready && !desk && !paused },
    paused
      ? { action: 'resume', label: 'resume', enabled: ready, primary: true }
      : { action: 'pause', label: 'pause', enabled: ready && !desk },
  ];

  function perform(action: CounterAction): void {
    if (!buttons.some((b) => b.action === action && b.enabled) || dialog !== null) return;
    const withKey = (key: string) => ({ idempotencyKey: key });
    switch (action) {
      case 'call-next':
        void act((key) => hub.command('counter:call-next', { counterId, ...withKey(key) }));
        return;
      case 'recall':
        void act((key) => hub.command('counter:recall', { counterId, ...withKey(key) }));
        return;
      case 'step':
        void act((key) => hub.command('ticket:step', { ticketId, ...withKey(key) }));
        return;
      case 'finish':
        void act((key) => hub.command('ticket:finish', { ticketId, ...withKey(key) }));
        return;
      case 'no-show':
        void act((key) => hub.command('ticket:no-show', { ticketId, ...withKey(key) }));
        return;
      case 'resume':
        void act((key) => hub.command('counter:resume', { counterId, ...withKey(key) }));
        return;
      case 'transfer':
      case 'call-specific':
      case 'pause':
        setDialog(action);
        return;
    }
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event);
      if (action) {
        event.preventDefault();
        perform(action);
      }
    };
    document.addEventListener('keydown', onKey);
    const unsubscribe = bridge()?.onShortcut(perform);
    return () => {
      document.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  });

  const callTicket = (id: string) => {
    setDialog(null);
    void act((key) => hub.command('counter:call-ticket', { counterId, ticketId: id, idempotencyKey: key }));
  };

  return (
    <div class="desk" lang={lang} data-testid="desk" data-ready={String(ready)}>
      <TopBar
        siteName={view.site?.name ?? ''}
        timeZone={view.site?.timeZone ?? 'Asia/Jakarta'}
        counterName={counter?.name ?? counterId}
        officerName={session.name}
        hubNow={hubNow}
        connection={view.connection}
        lang={lang}
        onLang={onLang}
        onSignOut={() => {
          onSignOut(false);
        }}
        t={t}
      />
      {view.connection !== 'online' && (
        <div class="offline-banner" role="alert" data-testid="offline-banner">
          {view.connection === 'connecting' ? t('connecting') : t('offline')}
        </div>
      )}
      {error && (
        <div class="error-banner" role="alert" data-testid="action-error">
          {error}
        </div>
      )}
      {desk && owed && (
        <LateBanner
          number={desk.number}
          owed={owed}
          disabled={!ready}
          lang={lang}
          t={t}
          onGiven={() => {
            void act((key) =>
              hub.command('compensation:resolve', {
                compensationId: owed.id,
                remedyGiven: pick(owed.remedy, 'id'),
                idempotencyKey: key,
              }),
            );
          }}
        />
      )}
      <div class="desk-body">
        <main class="desk-main">
          {paused && deskCounter?.pausedSince ? (
            <section class="current current-paused" data-testid="current-ticket" data-state="paused">
              <p class="idle-title">{t('pausedTitle')}</p>
              <p class="idle-hint">
                {t('pausedSince', {
                  reason: t(`reason_${paused as PauseReason}`),
                  time: formatTime(deskCounter.pausedSince, view.site?.timeZone ?? 'Asia/Jakarta'),
                })}
              </p>
            </section>
          ) : (
            <CurrentTicket
              ticket={active}
              sopSteps={view.site?.sopSteps ?? {}}
              services={view.services}
              hubNow={hubNow}
              warningRatio={view.site?.warningRatio ?? 0.8}
              lang={lang}
              t={t}
            />
          )}
          <ActionBar buttons={buttons} shortcuts={shortcuts} onAction={perform} t={t} />
          {desk?.status === 'serving' && <VisitRegisterPanel hub={hub} ticketId={desk.id} lang={lang} />}
          <FiguresPanel figures={view.figures} t={t} />
        </main>
        <QueuePanel
          waiting={waitingFor(view.desk, serviceIds)}
          noShows={noShowsFor(view.desk, serviceIds)}
          services={view.services}
          hubNow={hubNow}
          canCall={ready && !desk && !paused}
          canReactivate={ready}
          onCall={(ticket) => {
            callTicket(ticket.id);
          }}
          onReactivate={(ticket) => {
            void act((key) => hub.command('ticket:reactivate', { ticketId: ticket.id, idempotencyKey: key }));
          }}
          lang={lang}
          t={t}
        >
          <PeersPanel
            counterId={counterId}
            counters={view.counters}
            desk={view.desk}
            staffed={view.staffed}
            t={t}
          />
        </QueuePanel>
      </div>
      {dialog === 'pause' && (
        <PauseDialog
          t={t}
          onClose={() => {
            setDialog(null);
          }}
          onPick={(reason) => {
            setDialog(null);
            void act((key) => hub.command('counter:pause', { counterId, reason, idempotencyKey: key }));
          }}
        />
      )}
      {dialog === 'transfer' && desk && (
        <TransferDialog
          number={desk.number}
          currentServiceId={desk.serviceId}
          services={view.services}
          lang={lang}
          t={t}
          onClose={() => {
            setDialog(null);
          }}
          onPick={(serviceId) => {
            setDialog(null);
            void act((key) => hub.command('ticket:transfer', { ticketId, serviceId, idempotencyKey: key }));
          }}
        />
      )}
      {dialog === 'call-specific' && (
        <CallSpecificDialog
          t={t}
          find={(text) => findByNumber(view.desk, serviceIds, text)}
          onClose={() => {
            setDialog(null);
          }}
          onPick={callTicket}
        />
      )}
    </div>
  );
}
