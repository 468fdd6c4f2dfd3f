import type { SettingsView } from '@giliran/protocol';
import type { HubClient } from '@giliran/ui';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface SettingsState {
  readonly view: SettingsView | null;
  readonly failed: boolean;
  /** Another screen changed something while this one was open: its view was reloaded. */
  readonly changedElsewhere: boolean;
  readonly reload: () => void;
  /** The answer of this screen's own save: the settings as they now are. */
  readonly accept: (view: SettingsView) => void;
}

/** The effective settings, reloaded after every reconnect and whenever any screen changes one. */
export function useSettings(hub: HubClient): SettingsState {
  const [view, setView] = useState<SettingsView | null>(null);
  const [failed, setFailed] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // Own saves come back as `settings:changed` too; those are not news to the person who saved.
  const ownSaveAt = useRef(0);

  const reload = useCallback(() => {
    hub.get<SettingsView>('/api/settings').then(
      (next) => {
        setView(next);
        setFailed(false);
      },
      () => {
        setFailed(true);
      },
    );
  }, [hub]);

  useEffect(() => {
    reload();
    const onChanged = () => {
      if (Date.now() - ownSaveAt.current > 2000) setChangedElsewhere(true);
      reload();
    };
    hub.socket.on('settings:changed', onChanged);
    hub.socket.on('connect', reload);
    return () => {
      hub.socket.off('settings:changed', onChanged);
      hub.socket.off('connect', reload);
    };
  }, [hub, reload]);

  const accept = useCallback((next: SettingsView) => {
    ownSaveAt.current = Date.now();
    setChangedElsewhere(false);
    setView(next);
  }, []);

  return { view, failed, changedElsewhere, reload, accept };
}
