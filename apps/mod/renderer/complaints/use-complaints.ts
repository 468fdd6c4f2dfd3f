import type { HubClient } from '@giliran/ui';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComplaintList, ComplaintSummary } from './wire.ts';

export interface Filter {
  readonly status: string;
  readonly category: string;
  readonly channel: string;
  readonly late: boolean;
  readonly q: string;
}

export const NO_FILTER: Filter = { status: '', category: '', channel: '', late: false, q: '' };

export function queryOf(filter: Filter): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.category) query.set('category', filter.category);
  if (filter.channel) query.set('channel', filter.channel);
  if (filter.late) query.set('late', 'true');
  if (filter.q.trim()) query.set('q', filter.q.trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

export interface Register {
  readonly complaints: readonly ComplaintSummary[] | null;
  /** Open complaints in the whole register, whatever the filter: the count on the tab's own nav. */
  readonly open: number;
  readonly failed: boolean;
  /** The hub's clock now: its `now` when the list came, plus the time since on this PC. */
  readonly hubNow: () => number;
  readonly reload: () => void;
}

/** The register as filtered, reloaded whenever the hub says a complaint changed and after each reconnect. */
export function useComplaints(hub: HubClient, filter: Filter): Register {
  const [list, setList] = useState<{ data: ComplaintList; receivedAt: number } | null>(null);
  const [open, setOpen] = useState(0);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(0);
  const query = queryOf(filter);

  useEffect(() => {
    let current = true;
    const load = () => {
      Promise.all([
        hub.get<ComplaintList>(`/api/complaints${query}`),
        hub.get<ComplaintList>('/api/complaints?status=open'),
      ]).then(
        ([data, openOnes]) => {
          if (!current) return;
          setList({ data, receivedAt: Date.now() });
          setOpen(openOnes.complaints.length);
          setFailed(false);
        },
        () => {
          if (current) setFailed(true);
        },
      );
    };
    load();
    hub.socket.on('complaint:changed', load);
    hub.socket.on('connect', load);
    return () => {
      current = false;
      hub.socket.off('complaint:changed', load);
      hub.socket.off('connect', load);
    };
  }, [hub, query, asked]);

  const hubNow = useCallback(
    () => (list ? Date.parse(list.data.now) + (Date.now() - list.receivedAt) : Date.now()),
    [list],
  );
  return {
    complaints: list?.data.complaints ?? null,
    open,
    failed,
    hubNow,
    reload: () => {
      setAsked((n) => n + 1);
    },
  };
}
