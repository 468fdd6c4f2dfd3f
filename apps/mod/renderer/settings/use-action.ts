import { HubRequestError, pick, type Lang } from '@giliran/ui';
import { useCallback, useState } from 'preact/hooks';

export interface ActionState {
  readonly busy: boolean;
  readonly error: string | null;
  readonly done: string | null;
}

/** The hub's bilingual message, with which field it was about, or a plain "cannot reach the hub". */
export function errorText(error: unknown, lang: Lang, networkText: string): string {
  if (!(error instanceof HubRequestError)) return String(error);
  const body = error.body?.error;
  if (!body) return networkText;
  const details = (body.details ?? [])
    .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
    .join('; ');
  return details ? `${pick(body.message, lang)} (${details})` : pick(body.message, lang);
}

/** One save button's life: busy while it runs (a second press is ignored), then done or the hub's error. */
export function useAction(lang: Lang, networkText: string) {
  const [state, setState] = useState<ActionState>({ busy: false, error: null, done: null });
  const run = useCallback(
    async function run<T>(send: () => Promise<T>, doneText: string | null = null): Promise<T | null> {
      setState({ busy: true, error: null, done: null });
      try {
        const result = await send();
        setState({ busy: false, error: null, done: doneText });
        return result;
      } catch (error) {
        setState({ busy: false, error: errorText(error, lang, networkText), done: null });
        return null;
      }
    },
    [lang, networkText],
  );
  const clear = useCallback(() => {
    setState({ busy: false, error: null, done: null });
  }, []);
  return { ...state, run, clear };
}
