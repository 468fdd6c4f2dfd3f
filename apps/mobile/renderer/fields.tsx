import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A form's values, and `bind(key)` to hand a Field or Select its value and how to change it:
 * `<Field label="…" name="date" {...bind('date')} />`.
 */
export function useForm<T extends Record<string, string | boolean>>(initial: T) {
  const [form, setForm] = useState(initial);
  const bind = (key: { [K in keyof T]: T[K] extends string ? K : never }[keyof T]) => ({
    value: form[key] as string,
    onValue: (value: string) => {
      setForm((current) => ({ ...current, [key]: value }));
    },
  });
  return { form, setForm, bind };
}

/** A labelled input whose value the form keeps; `name` is also the field's test handle. */
export function Field(props: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly type?: 'text' | 'date' | 'month';
  readonly required?: boolean;
  readonly inputMode?: 'numeric' | 'tel' | 'text';
}) {
  const common = {
    name: props.name,
    value: props.value,
    required: props.required ?? false,
    onInput: (e: Event) => {
      props.onValue((e.currentTarget as HTMLInputElement).value);
    },
  };
  return (
    <label class="mb-field">
      <span>{props.label}</span>
      {props.type === 'date' || props.type === 'month' ? (
        <input type={props.type} {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode ?? 'text'} {...common} />
      )}
    </label>
  );
}

export function Select(props: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly onValue: (value: string) => void;
}) {
  return (
    <label class="mb-field">
      <span>{props.label}</span>
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => {
          props.onValue(e.currentTarget.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Card(props: {
  readonly title: string;
  readonly children: ComponentChildren;
  readonly wide?: boolean;
}) {
  return (
    <section class={props.wide ? 'mb-card mb-wide' : 'mb-card'}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The outcome of the last send: saved, or the hub's coded message. */
export function Outcome(props: { readonly message: { readonly ok: boolean; readonly text: string } | null }) {
  if (!props.message) return null;
  return (
    <p class={props.message.ok ? 'mb-ok' : 'mb-error'} role={props.message.ok ? 'status' : 'alert'}>
      {props.message.text}
    </p>
  );
}
