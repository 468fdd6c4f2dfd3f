/** SOP step numbers as the hub's tables key them. */
export const TICKET_STEPS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
export const CHAIN_STEPS = ['9', '10', '11', '12', '13'] as const;
export type StepKey = (typeof TICKET_STEPS)[number] | (typeof CHAIN_STEPS)[number];

/** Whole minutes 1–600, as the hub accepts them. */
export function minutesOk(text: string): boolean {
  if (!/^\d{1,3}$/.test(text.trim())) return false;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= 600;
}

export function toTexts(
  table: Readonly<Record<string, number>>,
  steps: readonly string[],
): Record<string, string> {
  return Object.fromEntries(steps.map((s) => [s, table[s] === undefined ? '' : String(table[s])]));
}

/** Filled cells only: an empty cell of a service follows the site's table. */
export function toTable(texts: Readonly<Record<string, string>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([, text]) => text.trim() !== '')
      .map(([step, text]) => [step, Number(text)]),
  );
}
