import type { AccountView, SettingsChanged } from '@giliran/protocol';
import type { HubClient } from '@giliran/ui';
import { useCallback, useEffect, useState } from 'preact/hooks';

/** The staff accounts, reloaded when any screen changes one and after a reconnect. */
export function useAccounts(hub: HubClient) {
  const [accounts, setAccounts] = useState<readonly AccountView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    hub.get<AccountView[]>('/api/accounts').then(
      (list) => {
        setAccounts(list);
        setFailed(false);
      },
      () => {
        setFailed(true);
      },
    );
  }, [hub]);
  useEffect(() => {
    reload();
    const onChanged = (change: SettingsChanged) => {
      if (change.area === 'accounts') reload();
    };
    hub.socket.on('settings:changed', onChanged);
    hub.socket.on('connect', reload);
    return () => {
      hub.socket.off('settings:changed', onChanged);
      hub.socket.off('connect', reload);
    };
  }, [hub, reload]);
  return { accounts, failed, reload };
}
