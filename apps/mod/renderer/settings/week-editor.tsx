import { parseWindows, WEEKDAYS, type DayTexts } from './hours-text.ts';
import type { SettingsT } from './texts.ts';

interface Props {
  readonly texts: DayTexts;
  readonly onChange: (texts: DayTexts) => void;
  readonly disabled: boolean;
  readonly t: SettingsT;
  /** Distinguishes the inputs of two editors on one page. */
  readonly name: string;
}

/** Seven lines, one per weekday, each typed as "08:00-12:00, 13:00-15:30"; a line not understood is marked. */
export function WeekEditor({ texts, onChange, disabled, t, name }: Props) {
  return (
    <div class="settings-week">
      {WEEKDAYS.map((day) => {
        const id = `${name}-${day}`;
        const invalid = parseWindows(texts[day]) === null;
        return (
          <div key={day} class="settings-week-day">
            <label for={id}>{t(`day_${day}`)}</label>
            <input
              id={id}
              class={`settings-input ${invalid ? 'settings-invalid' : ''}`}
              value={texts[day]}
              placeholder={t('closed')}
              disabled={disabled}
              aria-invalid={invalid}
              onInput={(e) => {
                onChange({ ...texts, [day]: e.currentTarget.value });
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
