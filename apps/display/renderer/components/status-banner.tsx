import type { Translate } from '../texts.ts';

/** Discreet notes over the screen: the calls stay visible underneath. */
export function StatusBanner({
  offline,
  soundBlocked,
  t,
}: {
  offline: boolean;
  soundBlocked: boolean;
  t: Translate;
}) {
  if (!offline && !soundBlocked) return null;
  return (
    <div class="banners">
      {offline && (
        <div class="banner offline" role="status" data-testid="offline-banner">
          <span class="banner-dot" aria-hidden="true" />
          {t('offline')}
        </div>
      )}
      {soundBlocked && (
        <div class="banner sound" role="status" data-testid="sound-banner">
          {t('soundBlocked')}
        </div>
      )}
    </div>
  );
}
