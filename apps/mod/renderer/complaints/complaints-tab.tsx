import { translator } from '@giliran/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { ComplaintDetail } from './complaint-detail.tsx';
import { ComplaintEntryForm } from './complaint-entry-form.tsx';
import { ComplaintTable } from './complaint-table.tsx';
import { HolidayEditor } from './holiday-editor.tsx';
import { COMPLAINT_TEXTS, type ComplaintText } from './texts.ts';
import { NO_FILTER, useComplaints, type Filter } from './use-complaints.ts';
import type { ComplaintCategoryRule, ComplaintSummary } from './wire.ts';
import './complaints.css';

type View = 'register' | 'new' | 'calendar';

/** Who handles complaints and keeps the calendar; FO also enters them; the Sekdis and Kepala Dinas read. */
const HANDLERS = ['mod', 'coordinator', 'admin'];
const FILERS = ['fo', ...HANDLERS];
// Time left is shown in minutes at best: a re-render every half minute keeps it right.
const TICK_MS = 30_000;

interface Agency {
  readonly id: string;
  readonly name: { id: string; en: string };
}

/** The complaint register (Buku Pengaduan) with deadlines, entering complaints, handling them, the calendar. */
export function ComplaintsTab({ hub, session, lang, timeZone }: TabProps) {
  const t = useMemo(() => translator(COMPLAINT_TEXTS, lang), [lang]);
  const [view, setView] = useState<View>('register');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const lastChosen = useRef<ComplaintSummary | null>(null);
  const [rules, setRules] = useState<ComplaintCategoryRule[]>([]);
  const [agencies, setAgencies] = useState<readonly Agency[]>([]);
  const [, setTick] = useState(0);
  const register = useComplaints(hub, filter);
  const canHandle = HANDLERS.includes(session.role);
  const canFile = FILERS.includes(session.role);

  useEffect(() => {
    hub.get<ComplaintCategoryRule[]>('/api/complaints/categories').then(setRules, () => undefined);
    hub.get<{ agencies: Agency[] }>('/api/public/complaints/form').then(
      (form) => {
        setAgencies(form.agencies);
      },
      () => undefined,
    );
    const timer = setInterval(() => {
      setTick((n) => n + 1);
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [hub]);

  const hubNow = register.hubNow();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(hubNow));
  const listed = register.complaints?.find((c) => c.id === selected) ?? null;
  // One just marked spam leaves the list (spam is out of the register until filtered for): it stays open here.
  const chosen = listed ?? (lastChosen.current?.id === selected ? lastChosen.current : null);
  lastChosen.current = chosen;
  const tab = (id: View, label: ComplaintText, vars: Record<string, number> = {}) => (
    <button
      type="button"
      class={`complaints-view ${view === id ? 'complaints-view-on' : ''}`}
      data-view={id}
      onClick={() => {
        setView(id);
      }}
    >
      {t(label, vars)}
    </button>
  );

  return (
    <div class="complaints" data-testid="complaints">
      <nav class="complaints-nav">
        {tab('register', 'viewRegister', { open: register.open })}
        {canFile && tab('new', 'viewNew')}
        {tab('calendar', 'viewCalendar')}
      </nav>
      {register.failed && (
        <p class="complaints-error" role="alert">
          {t('loadFailed')}{' '}
          <button type="button" class="mod-btn" onClick={register.reload}>
            {t('retry')}
          </button>
        </p>
      )}
      {view === 'register' && (
        <div class="complaints-columns">
          {register.complaints && (
            <ComplaintTable
              complaints={register.complaints}
              filter={filter}
              onFilter={setFilter}
              selected={selected}
              onSelect={setSelected}
              hubNow={hubNow}
              timeZone={timeZone}
              lang={lang}
              t={t}
            />
          )}
          {chosen ? (
            <ComplaintDetail
              hub={hub}
              summary={chosen}
              canHandle={canHandle}
              rules={rules}
              hubNow={hubNow}
              timeZone={timeZone}
              lang={lang}
              t={t}
            />
          ) : (
            <p class="complaints-detail complaints-muted">{t('pick')}</p>
          )}
        </div>
      )}
      {view === 'new' && (
        <ComplaintEntryForm
          hub={hub}
          agencies={agencies}
          rules={rules}
          onEntered={(entered) => {
            setFilter(NO_FILTER);
            setSelected(entered.id);
            setView('register');
          }}
          lang={lang}
          t={t}
        />
      )}
      {view === 'calendar' && (
        <HolidayEditor hub={hub} year={year} canEdit={canHandle} rules={rules} lang={lang} t={t} />
      )}
    </div>
  );
}
