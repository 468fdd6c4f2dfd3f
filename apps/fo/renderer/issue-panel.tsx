import { pick, type HubClient, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { issueAndPrint } from './desk-actions.ts';
import type { FoText } from './texts.ts';
import { FO_PRIORITIES, type PriorityCategory, type ServiceView } from './wire.ts';

interface Props {
  readonly hub: HubClient;
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: (key: FoText, vars?: Record<string, string | number>) => string;
  readonly onDone: () => void;
}

/** A ticket for a citizen who cannot use the kiosk, with priority service when they are entitled to it. */
export function IssuePanel({ hub, services, lang, t, onDone }: Props) {
  const [serviceId, setServiceId] = useState('');
  const [priority, setPriority] = useState<PriorityCategory | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = serviceId || services[0]?.id || '';
  const submit = (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    void issueAndPrint(hub, chosen, priority, lang).then((result) => {
      setBusy(false);
      if (!result.ok) setMessage({ ok: false, text: t('failed', { message: result.message }) });
      else
        setMessage({
          ok: result.printed,
          text: t(result.printed ? 'issued' : 'issuedNotPrinted', { number: result.number }),
        });
      onDone();
    });
  };
  return (
    <section class="fo-card fo-issue" aria-labelledby="fo-issue-title">
      <h2 id="fo-issue-title">{t('issueTitle')}</h2>
      <p class="fo-muted">{t('issueHint')}</p>
      <form onSubmit={submit}>
        <label>
          {t('service')}
          <select
            name="service"
            value={chosen}
            onChange={(e) => {
              setServiceId(e.currentTarget.value);
            }}
          >
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} · {pick(s.name, lang)} ({pick(s.agency.name, lang)})
              </option>
            ))}
          </select>
        </label>
        <fieldset class="fo-priorities">
          <legend>{t('priority')}</legend>
          {[null, ...FO_PRIORITIES].map((p) => (
            <label key={p ?? 'none'} class="fo-radio">
              <input
                type="radio"
                name="priority"
                value={p ?? 'none'}
                checked={priority === p}
                onChange={() => {
                  setPriority(p);
                }}
              />
              {t(`priority_${p ?? 'none'}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="fo-btn fo-btn-primary" disabled={busy || !chosen}>
          {t('issueAndPrint')}
        </button>
      </form>
      {message && (
        <p class={message.ok ? 'fo-ok' : 'fo-error'} role="status" data-testid="issue-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
