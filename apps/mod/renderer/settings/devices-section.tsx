import type { PairingCodeView } from '@giliran/protocol';
import { clockText } from '@giliran/protocol/clock-text';
import { useState } from 'preact/hooks';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

type DeviceRole = 'kiosk' | 'display';

/**
 * Pairing a kiosk, counter-side tablet or TV: the admin names the device and gets a one-time code to type on it
 * (15 minutes). The device then keeps its own token; no token is ever written in an address.
 */
export function DevicesSection({ hub, view, lang, t }: SectionProps) {
  const editable = view.editable.accounts;
  const [deviceId, setDeviceId] = useState('');
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [counterId, setCounterId] = useState('');
  const [made, setMade] = useState<PairingCodeView | null>(null);
  const action = useAction(lang, t('networkError'));

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      deviceId: deviceId.trim(),
      role,
      ...(role === 'kiosk' && counterId !== '' ? { counterId } : {}),
    };
    const code = await action.run(() => hub.post<PairingCodeView>('/api/devices/pairing-codes', body));
    if (code) setMade(code);
  };

  return (
    <Section title={t('sectionDevices')} hint={t('devicesHint')} readOnly={!editable} t={t}>
      <form class="settings-form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('deviceId')}</span>
          <input
            class="settings-input"
            data-testid="device-id"
            value={deviceId}
            placeholder="kiosk-2"
            maxLength={64}
            disabled={!editable}
            onInput={(e) => {
              setDeviceId(e.currentTarget.value.toLowerCase());
            }}
          />
        </label>
        <label>
          <span>{t('deviceRole')}</span>
          <select
            class="settings-input"
            data-testid="device-role"
            value={role}
            disabled={!editable}
            onChange={(e) => {
              setRole(e.currentTarget.value as DeviceRole);
            }}
          >
            <option value="kiosk">{t('deviceKiosk')}</option>
            <option value="display">{t('deviceDisplay')}</option>
          </select>
        </label>
        {role === 'kiosk' && (
          <label>
            <span>{t('deviceCounter')}</span>
            <select
              class="settings-input"
              value={counterId}
              disabled={!editable}
              onChange={(e) => {
                setCounterId(e.currentTarget.value);
              }}
            >
              <option value="">{t('deviceNoCounter')}</option>
              {view.counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="settings-actions">
          <button
            type="submit"
            class="settings-btn"
            data-testid="make-pairing-code"
            disabled={!editable || action.busy || deviceId.trim() === ''}
          >
            {t('makePairingCode')}
          </button>
          <ActionStatus state={action} t={t} />
        </div>
      </form>
      {made && (
        <p class="settings-pairing-code" data-testid="pairing-code-shown">
          {t('pairingCodeFor', { device: made.deviceId })}{' '}
          <strong style={{ fontSize: '2em', letterSpacing: '0.12em', fontFamily: 'monospace' }}>
            {made.code}
          </strong>{' '}
          <span class="settings-muted">{t('pairingCodeExpires', { time: clockOf(made.expiresAt) })}</span>
        </p>
      )}
    </Section>
  );
}

/** The hall PC's own clock reads in the hall's zone; written as every time is (`clockText`). */
function clockOf(instant: string): string {
  const at = new Date(instant);
  return clockText(at.getHours(), at.getMinutes());
}
