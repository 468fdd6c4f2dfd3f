import { failureText, translator, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { TEXTS } from './texts.ts';

/** Sends one change, then reloads what the page shows; says "saved" or the hub's coded message. */
export function useSend(lang: Lang, reload: () => void) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = translator(TEXTS, lang);
  const send = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      setMessage({ ok: true, text: t('saved') });
      reload();
      return true;
    } catch (error) {
      setMessage({
        ok: false,
        text: failureText(error, lang, { offline: t('offline'), failed: t('failed') }),
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, send };
}
