import type { BookingOptionsSetting, SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

const DEFAULT_BLOCK = { noShows: 2, withinDays: 30, blockDays: 14 } as const;

/** Places a session offers to bookings: its capacity less the walk-in share (the hub's `bookableQuota`). */
function bookable(capacity: number, walkInShare: number): number {
  return Math.max(0, Math.floor(capacity * (1 - walkInShare) + 1e-9));
}

const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/**
 * Issue 18: each service's online booking quota (citizens served per session, walk-ins included; 0 takes no
 * bookings), saved a row at a time, and the hall's terms: the share kept for walk-ins, the open bookings one
 * WhatsApp number may hold, and the optional no-show block. Every change is audited.
 */
export function BookingSection({ hub, view, onSaved, lang, t }: SectionProps) {
  const booking = view.booking;
  const editable = view.editable.booking;
  const action = useAction(lang, t('networkError'));
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});
  const [options, setOptions] = useState<BookingOptionsSetting | null>(null);
  useEffect(() => {
    if (booking)
      setOptions({
        walkInShare: booking.walkInShare,
        maxOpenPerPhone: booking.maxOpenPerPhone,
        noShowBlock: booking.noShowBlock,
      });
  }, [booking?.walkInShare, booking?.maxOpenPerPhone, JSON.stringify(booking?.noShowBlock)]);
  if (!booking || !options) return <p class="settings-muted">{t('loading')}</p>;

  const saved = (id: string) => booking.capacity[id] ?? 0;
  const shown = (id: string) => drafts[id] ?? String(saved(id));
  const saveCapacity = async (id: string) => {
    const capacity = number(shown(id));
    const next = await action.run(
      () => hub.put<SettingsView>(`/api/settings/booking/${encodeURIComponent(id)}`, { capacity }),
      t('saved'),
    );
    if (next) {
      setDrafts(Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== id)));
      onSaved(next);
    }
  };
  const saveOptions = async () => {
    const next = await action.run(
      () => hub.put<SettingsView>('/api/settings/booking-options', options),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  const optionsChanged =
    options.walkInShare !== booking.walkInShare ||
    options.maxOpenPerPhone !== booking.maxOpenPerPhone ||
    JSON.stringify(options.noShowBlock) !== JSON.stringify(booking.noShowBlock);
  const block = options.noShowBlock;
  const setBlock = (key: keyof typeof DEFAULT_BLOCK, value: string) => {
    setOptions({ ...options, noShowBlock: { ...(block ?? DEFAULT_BLOCK), [key]: number(value) } });
    action.clear();
  };
  const sessions = booking.sessions.map((s) => `${s.start}–${s.end}`).join(', ');
  const shareValid = options.walkInShare >= 0 && options.walkInShare <= 1;

  return (
    <Section title={t('sectionBooking')} hint={t('bookingHint')} readOnly={!editable} t={t} wide>
      <div class="settings-actions">
        <ActionStatus state={action} t={t} />
      </div>
      <fieldset class="settings-fieldset booking-options">
        <legend>{t('bookingTerms')}</legend>
        <label class="settings-label">
          {t('bookingWalkInShare')}{' '}
          <input
            class="settings-input settings-input-narrow"
            type="number"
            name="walk-in-share"
            min={0}
            max={100}
            step={5}
            value={Math.round(options.walkInShare * 100)}
            disabled={!editable}
            onInput={(e) => {
              setOptions({ ...options, walkInShare: number(e.currentTarget.value) / 100 });
              action.clear();
            }}
          />{' '}
          %
        </label>
        <label class="settings-label">
          {t('bookingPerPhone')}{' '}
          <input
            class="settings-input settings-input-narrow"
            type="number"
            name="max-open-per-phone"
            min={1}
            max={20}
            value={options.maxOpenPerPhone}
            disabled={!editable}
            onInput={(e) => {
              setOptions({ ...options, maxOpenPerPhone: number(e.currentTarget.value) });
              action.clear();
            }}
          />
        </label>
        <label class="settings-check">
          <input
            type="checkbox"
            name="no-show-block"
            checked={block !== null}
            disabled={!editable}
            onChange={(e) => {
              setOptions({ ...options, noShowBlock: e.currentTarget.checked ? { ...DEFAULT_BLOCK } : null });
              action.clear();
            }}
          />{' '}
          {t('bookingBlock')}
        </label>
        {block && (
          <p class="settings-label booking-block">
            {t('bookingBlockAfter')}{' '}
            <BlockNumber
              name="block-no-shows"
              label={t('bookingBlockNoShows')}
              max={20}
              value={block.noShows}
              disabled={!editable}
              onValue={(value) => {
                setBlock('noShows', value);
              }}
            />{' '}
            {t('bookingBlockWithin')}{' '}
            <BlockNumber
              name="block-within-days"
              label={t('bookingBlockWithinDays')}
              max={365}
              value={block.withinDays}
              disabled={!editable}
              onValue={(value) => {
                setBlock('withinDays', value);
              }}
            />{' '}
            {t('bookingBlockFor')}{' '}
            <BlockNumber
              name="block-days"
              label={t('bookingBlockDays')}
              max={365}
              value={block.blockDays}
              disabled={!editable}
              onValue={(value) => {
                setBlock('blockDays', value);
              }}
            />{' '}
            {t('days')}
          </p>
        )}
        {editable && (
          <button
            type="button"
            class="settings-btn settings-btn-primary"
            data-testid="save-booking-terms"
            disabled={action.busy || !optionsChanged}
            onClick={() => void saveOptions()}
          >
            {t('save')}
          </button>
        )}
      </fieldset>
      <p class="settings-hint" data-testid="booking-sessions">
        {t('bookingSessions', { sessions })}
      </p>
      <div class="settings-scroll">
        <table class="settings-table" data-testid="booking-quotas">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('bookingCapacity')}</th>
              <th scope="col">{t('bookingPlaces')}</th>
              <th scope="col">{t('bookingWalkIns')}</th>
              <th scope="col" class="settings-row-actions" />
            </tr>
          </thead>
          <tbody>
            {view.services.map((s) => {
              const capacity = number(shown(s.id));
              const dirty = drafts[s.id] !== undefined && capacity !== saved(s.id);
              const valid = Number.isInteger(capacity) && capacity >= 0 && capacity <= 1000;
              // With the share as typed: the officer sees what a change of it would do before saving it.
              const places = valid && shareValid ? bookable(capacity, options.walkInShare) : null;
              return (
                <tr key={s.id} data-service={s.id} class={dirty ? 'settings-row-dirty' : ''}>
                  <th scope="row">
                    {s.prefix} · {pick(s.name, lang)}
                  </th>
                  <td>
                    <input
                      class="settings-input settings-input-narrow"
                      type="number"
                      min={0}
                      max={1000}
                      name={`capacity-${s.id}`}
                      aria-label={`${t('bookingCapacity')}: ${pick(s.name, lang)}`}
                      value={shown(s.id)}
                      disabled={!editable}
                      onInput={(e) => {
                        setDrafts({ ...drafts, [s.id]: e.currentTarget.value });
                        action.clear();
                      }}
                    />
                  </td>
                  <td data-testid="booking-places">
                    {places === null ? '—' : places === 0 ? t('bookingNone') : places}
                  </td>
                  <td>{places === null ? '—' : capacity - places}</td>
                  <td class="settings-row-actions">
                    {editable && dirty && (
                      <button
                        type="button"
                        class="settings-btn settings-btn-primary settings-btn-small"
                        disabled={action.busy || !valid}
                        onClick={() => void saveCapacity(s.id)}
                      >
                        {t('save')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** One number of the no-show block's sentence ("after N missed within N days, for N days"). */
function BlockNumber(props: {
  name: string;
  label: string;
  max: number;
  value: number;
  disabled: boolean;
  onValue: (value: string) => void;
}) {
  return (
    <input
      class="settings-input settings-input-narrow"
      type="number"
      name={props.name}
      aria-label={props.label}
      min={1}
      max={props.max}
      value={props.value}
      disabled={props.disabled}
      onInput={(e) => {
        props.onValue(e.currentTarget.value);
      }}
    />
  );
}
