import { HubRequestError, newIdempotencyKey, pick, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';

export interface Send {
  readonly busy: boolean;
  readonly error: string | null;
  /** Runs one request with a fresh idempotency key; resolves with its answer, or null after showing the error. */
  readonly run: <R>(request: (key: string) => Promise<R>) => Promise<R | null>;
}

/** One form's request: busy while it runs, then the hub's bilingual message (with the field) if refused. */
export function useSend(lang: Lang, networkText: string): Send {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    run: async (request) => {
      setBusy(true);
      setError(null);
      try {
        return await request(newIdempotencyKey());
      } catch (e) {
        const body = e instanceof HubRequestError ? e.body?.error : undefined;
        const fields = body?.details?.map((d) => d.path).filter(Boolean) ?? [];
        const text = body ? pick(body.message, lang) : networkText;
        setError(fields.length > 0 ? `${text} (${fields.join(', ')})` : text);
        return null;
      } finally {
        setBusy(false);
      }
    },
  };
}
