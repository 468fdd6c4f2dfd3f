import type { SettingsView } from '@giliran/protocol';

interface Props {
  readonly counters: SettingsView['counters'];
  readonly selected: readonly string[];
  readonly onChange: (counterIds: string[]) => void;
}

/** Compact checkboxes for the counters an officer may sign in at. */
export function CounterPicker({ counters, selected, onChange }: Props) {
  return (
    <div class="settings-counter-picker">
      {counters.map((c) => (
        <label key={c.id} class="settings-chip">
          <input
            type="checkbox"
            checked={selected.includes(c.id)}
            onChange={(e) => {
              const keep = new Set(selected);
              if (e.currentTarget.checked) keep.add(c.id);
              else keep.delete(c.id);
              onChange(counters.filter((x) => keep.has(x.id)).map((x) => x.id));
            }}
          />
          {c.name}
        </label>
      ))}
    </div>
  );
}
