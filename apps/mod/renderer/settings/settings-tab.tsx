import { translator } from '@giliran/ui';
import { useMemo, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { AccountsSection } from './accounts-section.tsx';
import { AuditSection } from './audit-section.tsx';
import { BookingSection } from './booking-section.tsx';
import { CountersSection } from './counters-section.tsx';
import { DevicesSection } from './devices-section.tsx';
import { HallSection } from './hall-section.tsx';
import { HoursSection } from './hours-section.tsx';
import { MessagesSection } from './messages-section.tsx';
import { RunningTextSection } from './running-text-section.tsx';
import type { SectionProps } from './settings-parts.tsx';
import { StandardsSection } from './standards-section.tsx';
import { SETTINGS_TEXTS, type SettingsText } from './texts.ts';
import { TiersSection } from './tiers-section.tsx';
import { useSettings } from './use-settings.ts';
import './settings.css';

type SectionId =
  | 'running-text'
  | 'counters'
  | 'hours'
  | 'standards'
  | 'tiers'
  | 'accounts'
  | 'audit'
  | 'devices'
  | 'messages'
  | 'hall'
  | 'booking';

// The floor's settings first (what a MOD changes during the day), then the administrator's, then the trail.
const SECTIONS: readonly { id: SectionId; label: SettingsText }[] = [
  { id: 'running-text', label: 'sectionRunningText' },
  { id: 'counters', label: 'sectionCounters' },
  { id: 'hours', label: 'sectionHours' },
  { id: 'standards', label: 'sectionStandards' },
  { id: 'tiers', label: 'sectionTiers' },
  { id: 'accounts', label: 'sectionAccounts' },
  { id: 'audit', label: 'sectionAudit' },
  { id: 'devices', label: 'sectionDevices' },
  { id: 'messages', label: 'sectionMessages' },
  { id: 'booking', label: 'sectionBooking' },
  { id: 'hall', label: 'sectionHall' },
];

/**
 * Settings of the /mod page: running text, counters' services, opening hours, SOP standard times, compensation
 * thresholds, accounts and the audit trail. Each change is saved by itself and is in effect when the hub answers;
 * what the signed-in role may not change is shown read-only.
 */
export function SettingsTab({ hub, session, lang, timeZone }: TabProps) {
  const t = useMemo(() => translator(SETTINGS_TEXTS, lang), [lang]);
  const settings = useSettings(hub);
  const [section, setSection] = useState<SectionId>('running-text');
  const { view } = settings;

  if (!view)
    return (
      <div class="settings" data-testid="settings">
        {settings.failed ? (
          <p class="settings-status settings-status-error" role="alert">
            {t('loadFailed')}{' '}
            <button type="button" class="settings-btn settings-btn-small" onClick={settings.reload}>
              {t('retry')}
            </button>
          </p>
        ) : (
          <p class="settings-muted">{t('loading')}</p>
        )}
      </div>
    );

  const props: SectionProps = { hub, view, onSaved: settings.accept, lang, t };
  return (
    <div class="settings" data-testid="settings">
      <nav class="settings-nav" aria-label={t('sections')}>
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            class={`settings-nav-item ${section === s.id ? 'settings-nav-on' : ''}`}
            aria-current={section === s.id ? 'page' : undefined}
            data-section={s.id}
            onClick={() => {
              setSection(s.id);
            }}
          >
            {t(s.label)}
          </button>
        ))}
      </nav>
      {settings.changedElsewhere && <p class="settings-notice">{t('changedElsewhere')}</p>}
      <div class="settings-body">
        {section === 'running-text' && <RunningTextSection {...props} />}
        {section === 'messages' && <MessagesSection {...props} />}
        {section === 'booking' && <BookingSection {...props} />}
        {section === 'counters' && <CountersSection {...props} />}
        {section === 'hours' && <HoursSection {...props} />}
        {section === 'standards' && <StandardsSection {...props} />}
        {section === 'tiers' && <TiersSection {...props} />}
        {section === 'accounts' && <AccountsSection {...props} me={session.username} />}
        {section === 'audit' && <AuditSection {...props} timeZone={timeZone} />}
        {section === 'devices' && <DevicesSection {...props} />}
        {section === 'hall' && <HallSection {...props} />}
      </div>
    </div>
  );
}
