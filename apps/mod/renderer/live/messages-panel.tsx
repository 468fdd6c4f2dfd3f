import { MESSAGE_KIND_NAMES } from '@giliran/domain';
import { formatClock, pick, translator, type Dictionary, type HubClient, type Lang } from '@giliran/ui';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MessagesView } from '../wire.ts';

type Key = 'title' | 'counts' | 'none' | 'resend' | 'attempts' | 'off';

const TEXTS: Dictionary<Key> = {
  title: { id: 'Pesan gagal terkirim ({count})', en: 'Messages not delivered ({count})' },
  counts: {
    id: '{sent} terkirim · {pending} menunggu · {failed} gagal',
    en: '{sent} sent · {pending} waiting · {failed} failed',
  },
  none: { id: 'Semua pesan terkirim.', en: 'Every message was delivered.' },
  resend: { id: 'Kirim ulang', en: 'Send again' },
  attempts: { id: '{n}× dicoba', en: 'tried {n}×' },
  off: { id: 'WhatsApp/SMS/e-mail belum diatur.', en: 'WhatsApp/SMS/e-mail is not set up.' },
};

/** Failed messages are few and nobody needs them to the second: look again this often, and at each alert. */
const RELOAD_MS = 30_000;

/**
 * Issue 18: the messages the hub gave up on (refused by the provider, or still failing after the limit), each with
 * its masked recipient and the provider's answer, and a button to send it again. The outbox's counts above.
 */
export function MessagesPanel({ hub, lang, timeZone }: { hub: HubClient; lang: Lang; timeZone: string }) {
  const t = translator(TEXTS, lang);
  const [view, setView] = useState<MessagesView | null>(null);
  const load = useCallback(() => {
    void hub.get<MessagesView>('/api/messages?status=failed&limit=20').then(setView, () => undefined);
  }, [hub]);
  useEffect(() => {
    load();
    const timer = setInterval(load, RELOAD_MS);
    const onAlert = (alert: { kind: string }) => {
      if (alert.kind === 'message-failed') load();
    };
    hub.socket.on('hub:alert', onAlert);
    return () => {
      clearInterval(timer);
      hub.socket.off('hub:alert', onAlert);
    };
  }, [hub, load]);
  if (view === null) return null;
  const on = view.channels.whatsapp || view.channels.sms || view.channels.email;
  const failed = view.counts.failed;
  if (!on && failed === 0) return null;
  return (
    <section class="live-panel messages-panel" data-testid="messages-panel">
      <h2>{t('title', { count: failed })}</h2>
      <p class="messages-counts">
        {on ? t('counts', { sent: view.counts.sent, pending: view.counts.pending, failed }) : t('off')}
      </p>
      {view.messages.length === 0 ? (
        <p class="messages-none">{t('none')}</p>
      ) : (
        <ul class="messages-failed">
          {view.messages.map((m) => (
            <li key={m.id} data-message={m.id}>
              <span class="messages-kind">
                {pick(MESSAGE_KIND_NAMES[m.kind], lang)} · {m.channel} · {m.to}
              </span>
              <span class="messages-error">{m.lastError ?? ''}</span>
              <span class="messages-meta">
                {formatClock(m.createdAt, timeZone, lang)} · {t('attempts', { n: m.attempts })}
              </span>
              <button
                class="messages-resend"
                disabled={m.to === '(dihapus)'}
                onClick={() => {
                  void hub.post(`/api/messages/${String(m.id)}/retry`).then(load, load);
                }}
              >
                {t('resend')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
