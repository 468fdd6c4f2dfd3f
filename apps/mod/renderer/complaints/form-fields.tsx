import { COMPLAINT_CATEGORIES } from '@giliran/domain';
import { pick, type Lang, type translator } from '@giliran/ui';
import { CATEGORY_LABELS, type ComplaintText } from './texts.ts';
import type { ComplaintCategory, ComplaintCategoryRule } from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

/** "5 hari kerja", "3 jam": a category's deadline rule as MOD reads it. */
export function ruleText(rule: ComplaintCategoryRule | undefined, t: T): string {
  if (!rule) return '';
  return rule.unit === 'hours' ? t('ruleHours', { n: rule.amount }) : t('ruleDays', { n: rule.amount });
}

/** The categories with their deadline rules, so whoever picks one sees what it promises. */
export function CategorySelect(props: {
  readonly value: ComplaintCategory;
  readonly onChange: (category: ComplaintCategory) => void;
  readonly rules: readonly ComplaintCategoryRule[];
  readonly lang: Lang;
  readonly t: T;
}) {
  const { value, onChange, rules, lang, t } = props;
  return (
    <label>
      {t('category')}
      <select
        name="category"
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value as ComplaintCategory);
        }}
      >
        {COMPLAINT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {pick(CATEGORY_LABELS[c], lang)} ·{' '}
            {ruleText(
              rules.find((r) => r.category === c),
              t,
            )}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled one-line input. */
export function TextField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly required?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        required={props.required ?? false}
        value={props.value}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
        }}
      />
    </label>
  );
}
