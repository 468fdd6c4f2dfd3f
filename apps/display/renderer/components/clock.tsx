import { formatClock, formatDate, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';

/** The site's own date and time; it re-renders alone, once a second, so the minute flips on time. */
export function Clock({ timeZone, lang }: { timeZone: string; lang: Lang }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return (
    <div class="clock" data-testid="clock">
      <span class="clock-time">{formatClock(now, timeZone, lang)}</span>
      <span class="clock-date">{formatDate(now, timeZone, lang)}</span>
    </div>
  );
}
