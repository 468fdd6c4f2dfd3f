import { useEffect, useState } from 'preact/hooks';
import type { LiveFeed, LiveView } from './live-feed.ts';

/** The feed's current view, re-rendered on each change (and each second, as its clocks run). */
export function useLive(feed: LiveFeed): LiveView {
  const [view, setView] = useState(feed.current);
  useEffect(() => {
    setView(feed.current);
    return feed.subscribe(setView);
  }, [feed]);
  return view;
}
