import type { GeraiRecapView, ReportChainSignResult } from '@giliran/protocol';
import { formatClock, pick, type HubClient, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { geraiTiming } from './chain-model.ts';
import { SignedBy, TimingBadge } from './chain-parts.tsx';
import { SignForm } from './sign-form.tsx';
import type { ChainText } from './texts.ts';

type T = (key: ChainText, vars?: Readonly<Record<string, string | number>>) => string;

interface Props {
  readonly hub: HubClient;
  readonly date: string;
  readonly gerai: readonly GeraiRecapView[];
  readonly standardSeconds: number;
  readonly hubNow: string;
  /** The signed-in role may hand in recaps now (an officer: the hub accepts only their own gerai). */
  readonly canSubmit: boolean;
  /** Step 9 is over: one summary line, the list on request, so the later steps fit on a 768-pixel screen. */
  readonly done: boolean;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
  readonly onSigned: (result: ReportChainSignResult) => void;
}

const MARK = { submitted: '✓', due: '○', missing: '✕' } as const;

/** Step 9, one line per gerai that served: handed in or not, by whom, when, against its 2 minutes from its close. */
export function GeraiChecklist(props: Props) {
  const { gerai, t, lang, timeZone } = props;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  if (gerai.length === 0) return <p class="chain-muted">{t('noGerai')}</p>;
  const summary = (
    <p class="chain-gerai-summary">
      {t('geraiSummary', {
        submitted: gerai.filter((g) => g.status === 'submitted').length,
        total: gerai.length,
        late: gerai.filter((g) => g.late === true).length,
      })}
      <button
        type="button"
        class="chain-btn chain-btn-small"
        aria-expanded={expanded}
        onClick={() => {
          setExpanded(!expanded);
        }}
      >
        {expanded ? t('hideGerai') : t('showGerai')}
      </button>
    </p>
  );
  if (props.done && !expanded) return summary;
  return (
    <>
      {props.done && summary}
      <ul class="chain-gerai" data-testid="chain-gerai">
        {gerai.map((g) => {
          const timing = geraiTiming(g, props.standardSeconds, props.hubNow);
          return (
            <li key={g.agencyId} class={`chain-gerai-row chain-gerai-${g.status}`} data-agency={g.agencyId}>
              <span class="chain-gerai-mark" aria-hidden="true">
                {MARK[g.status]}
              </span>
              <span class="chain-gerai-name" title={pick(g.name, lang)}>
                <strong>{g.shortName}</strong>
                <small>
                  {t('closes', { time: formatClock(g.closesAt, timeZone, lang) })}
                  {!g.served && ` · ${t('notServed')}`}
                </small>
              </span>
              <span class="chain-gerai-status">{t(`gerai_${g.status}`)}</span>
              <span class="chain-gerai-who">
                {g.record && <SignedBy record={g.record} timeZone={timeZone} lang={lang} t={t} />}
                {g.record?.note && <q class="chain-note">{g.record.note}</q>}
              </span>
              {timing ? <TimingBadge timing={timing} lang={lang} t={t} /> : <span />}
              {props.canSubmit && g.status === 'due' && openFor !== g.agencyId && (
                <button
                  type="button"
                  class="chain-btn chain-btn-small"
                  onClick={() => {
                    setOpenFor(g.agencyId);
                  }}
                >
                  {t('submitRecap')}
                </button>
              )}
              {openFor === g.agencyId && (
                <div class="chain-gerai-form">
                  <SignForm
                    hub={props.hub}
                    date={props.date}
                    stage={9}
                    agencyId={g.agencyId}
                    lang={lang}
                    t={t}
                    onSigned={(result) => {
                      setOpenFor(null);
                      props.onSigned(result);
                    }}
                    onCancel={() => {
                      setOpenFor(null);
                    }}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
