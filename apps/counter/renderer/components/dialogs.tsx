import { pick, type Lang } from '@giliran/ui';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PAUSE_REASONS, type PauseReason, type ServiceView } from '../wire.ts';
import type { T } from './types.ts';

function Dialog({
  title,
  onClose,
  children,
  t,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  t: T;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        {children}
        <button type="button" class="btn btn-ghost" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

export function PauseDialog({
  onPick,
  onClose,
  t,
}: {
  onPick: (r: PauseReason) => void;
  onClose: () => void;
  t: T;
}) {
  return (
    <Dialog title={t('pauseTitle')} onClose={onClose} t={t}>
      <div class="choices">
        {PAUSE_REASONS.map((reason) => (
          <button
            key={reason}
            type="button"
            class="btn choice"
            data-reason={reason}
            onClick={() => {
              onPick(reason);
            }}
          >
            {t(`reason_${reason}`)}
          </button>
        ))}
      </div>
    </Dialog>
  );
}

interface TransferProps {
  readonly number: string;
  readonly currentServiceId: string;
  readonly services: readonly ServiceView[];
  readonly onPick: (serviceId: string) => void;
  readonly onClose: () => void;
  readonly lang: Lang;
  readonly t: T;
}

export function TransferDialog({
  number,
  currentServiceId,
  services,
  onPick,
  onClose,
  lang,
  t,
}: TransferProps) {
  return (
    <Dialog title={t('transferTitle', { number })} onClose={onClose} t={t}>
      <div class="choices choices-services">
        {services
          .filter((s) => s.id !== currentServiceId && s.open)
          .map((s) => (
            <button
              key={s.id}
              type="button"
              class="btn choice"
              data-service={s.id}
              onClick={() => {
                onPick(s.id);
              }}
            >
              <span class="choice-title">{pick(s.name, lang)}</span>
              <span class="choice-sub">{pick(s.agency.name, lang)}</span>
            </button>
          ))}
      </div>
    </Dialog>
  );
}

interface CallSpecificProps {
  /** The ticket with that number in this counter's queue, or null. */
  readonly find: (text: string) => { id: string; number: string } | null;
  readonly onPick: (ticketId: string) => void;
  readonly onClose: () => void;
  readonly t: T;
}

export function CallSpecificDialog({ find, onPick, onClose, t }: CallSpecificProps) {
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <Dialog title={t('callSpecificTitle')} onClose={onClose} t={t}>
      <form
        class="call-specific"
        onSubmit={(event) => {
          event.preventDefault();
          const found = find(text);
          if (found) onPick(found.id);
          else setNotFound(true);
        }}
      >
        <input
          ref={input}
          name="number"
          value={text}
          placeholder={t('numberPlaceholder')}
          autocomplete="off"
          onInput={(event) => {
            setText(event.currentTarget.value);
            setNotFound(false);
          }}
        />
        <button type="submit" class="btn btn-primary">
          {t('call')}
        </button>
      </form>
      {notFound && <p class="form-error">{t('numberNotFound')}</p>}
    </Dialog>
  );
}
