import { HubClient, pick, translator } from '@giliran/ui';
import { StaffHeader, StaffPage, type SignedInPage } from '@giliran/ui/staff-frame';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { cancelTicket, reactivate, reprint, type ActionResult } from './desk-actions.ts';
import { DeskFeed, type DeskView } from './desk-feed.ts';
import { CheckInPanel } from './check-in-panel.tsx';
import { IssuePanel } from './issue-panel.tsx';
import { QueuesPanel } from './queues-panel.tsx';
import { sessions, type DeskSession } from './session.ts';
import { FO_TEXTS } from './texts.ts';
import { TicketRow, type RowContext } from './ticket-row.tsx';
import type { SiteView, TicketView } from './wire.ts';

export function FoApp() {
  return (
    <StaffPage sessions={sessions} signInTitle={FO_TEXTS.signInTitle} wrongRole={FO_TEXTS.wrongRole}>
      {(page) => <Desk key={page.session.token} {...page} />}
    </StaffPage>
  );
}

function useDesk(session: DeskSession) {
  const hub = useMemo(() => new HubClient({ hubUrl: session.hubUrl, token: session.token }), [session]);
  const feed = useMemo(() => new DeskFeed(hub), [hub]);
  const [view, setView] = useState<DeskView>(feed.current);
  const [site, setSite] = useState<SiteView | null>(null);
  useEffect(() => {
    const off = feed.subscribe(setView);
    void hub.get<SiteView>('/api/site').then(setSite, () => undefined);
    return () => {
      off();
      feed.close();
      hub.close();
    };
  }, [hub, feed]);
  return { hub, feed, view, site };
}

function Desk({ session, lang, onLang, onSignOut }: SignedInPage) {
  const t = useMemo(() => translator(FO_TEXTS, lang), [lang]);
  const { hub, feed, view, site } = useDesk(session);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const schedule = useCallback(() => {
    feed.schedule();
  }, [feed]);

  const act = (ticket: TicketView, action: () => Promise<ActionResult>) => {
    void action().then((result) => {
      setMessage(
        result.ok
          ? { ok: true, text: t('done', { number: ticket.number }) }
          : { ok: false, text: t('failed', { message: result.message }) },
      );
      feed.schedule();
    });
  };
  const ctx: RowContext = {
    serviceName: (id) => {
      const service = view.services.find((s) => s.id === id);
      return service ? pick(service.name, lang) : id;
    },
    counterName: (id) => view.counters.find((c) => c.id === id)?.name ?? id ?? '',
    timeZone: site?.timeZone ?? 'Asia/Jakarta',
    lang,
    t,
    onReprint: (ticket) => {
      act(ticket, () => reprint(hub, ticket, lang));
    },
    onCancel: (ticket) => {
      if (confirm(t('confirmCancel', { number: ticket.number })))
        act(ticket, () => cancelTicket(hub, ticket, lang));
    },
    onReactivate: (ticket) => {
      act(ticket, () => reactivate(hub, ticket, lang));
    },
  };
  const wanted = query.trim().toUpperCase();
  const found = wanted ? view.tickets.filter((x) => x.number === wanted) : [];
  const unprinted = view.tickets.filter(
    (x) => x.printStatus === 'print_failed' && (x.status === 'waiting' || x.status === 'called'),
  );
  const noShows = view.tickets.filter((x) => x.status === 'no_show');

  return (
    <div class="fo-page">
      <StaffHeader
        prefix="fo"
        title={
          <h1>
            {t('title')} <span class="fo-site">{site?.name}</span>
          </h1>
        }
        who={<span>{session.name}</span>}
        lang={lang}
        onLang={onLang}
        onSignOut={() => {
          onSignOut();
        }}
      />
      {view.connection === 'offline' && (
        <p class="fo-offline" role="alert">
          {t('offline')}
        </p>
      )}
      {message && (
        <p
          class={message.ok ? 'fo-ok fo-message' : 'fo-error fo-message'}
          role="status"
          data-testid="action-result"
        >
          {message.text}
        </p>
      )}
      <main class="fo-grid">
        <div class="fo-column">
          <CheckInPanel hub={hub} services={view.services} lang={lang} t={t} onDone={schedule} />
          <IssuePanel
            hub={hub}
            services={view.services}
            lang={lang}
            t={t}
            onDone={() => {
              feed.schedule();
            }}
          />
          <section class="fo-card" aria-labelledby="fo-lookup-title">
            <h2 id="fo-lookup-title">{t('lookupTitle')}</h2>
            <input
              class="fo-lookup"
              name="lookup"
              placeholder={t('lookupPlaceholder')}
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
              }}
            />
            {wanted && found.length === 0 && <p class="fo-muted">{t('lookupNone', { number: wanted })}</p>}
            <ul class="fo-tickets" data-testid="lookup-results">
              {found.map((x) => (
                <TicketRow key={x.id} ticket={x} ctx={ctx} />
              ))}
            </ul>
          </section>
        </div>
        <div class="fo-column">
          <TicketList
            title={t('printFailedTitle')}
            empty={t('printFailedNone')}
            tickets={unprinted}
            ctx={ctx}
            id="unprinted"
          />
          <TicketList
            title={t('noShowsTitle')}
            empty={t('noShowsNone')}
            tickets={noShows}
            ctx={ctx}
            id="no-shows"
          />
        </div>
        <div class="fo-column">
          <QueuesPanel
            tickets={view.tickets}
            services={view.services}
            counters={view.counters}
            lang={lang}
            t={t}
          />
        </div>
      </main>
    </div>
  );
}

interface ListProps {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly tickets: readonly TicketView[];
  readonly ctx: RowContext;
}

function TicketList({ id, title, empty, tickets, ctx }: ListProps) {
  return (
    <section class="fo-card" aria-labelledby={`fo-${id}-title`}>
      <h2 id={`fo-${id}-title`}>
        {title} {tickets.length > 0 && <span class="fo-badge">{tickets.length}</span>}
      </h2>
      {tickets.length === 0 && <p class="fo-muted">{empty}</p>}
      <ul class="fo-tickets" data-testid={id}>
        {tickets.map((x) => (
          <TicketRow key={x.id} ticket={x} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}
