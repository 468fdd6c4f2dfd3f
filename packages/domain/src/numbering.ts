/** `A` + 12 → `A012`; a sequence wider than the configured width keeps all its digits (`A1000`). */
export function formatTicketNumber(prefix: string, seq: number, width: number): string {
  return `${prefix}${String(seq).padStart(width, '0')}`;
}
