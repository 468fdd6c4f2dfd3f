/** A labelled text box, the one input shape of the hall's forms. */
export function Field(props: {
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly maxLength?: number;
  readonly name?: string;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        class="settings-input"
        name={props.name}
        value={props.value}
        maxLength={props.maxLength ?? 200}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
        }}
      />
    </label>
  );
}
