export { composeTicketContent, formatIssuedAt, zoneAbbreviation } from './ticket-content.ts';
export type { TicketContent, TicketContentInput, TicketLanguage, TicketPriority } from './ticket-content.ts';
export { columnsFor, layoutTicket, MAX_TEXT_SIZE } from './ticket-layout.ts';
export type {
  CutLine,
  FeedLine,
  LayoutLine,
  PaperWidth,
  QrLine,
  RuleLine,
  TextAlign,
  TextLine,
  TextSize,
  TicketLayout,
} from './ticket-layout.ts';
export { wrapText } from './wrap-text.ts';
export { toPrintableAscii } from './printable-text.ts';
export { encodeEscPos } from './escpos-encode.ts';
export { printLayout, printTicket } from './escpos-printer.ts';
export type { PrintOptions } from './escpos-printer.ts';
export { DEFAULT_PRINT_TIMEOUT_MS, parsePrinterInterface, sendToPrinter } from './printer-transport.ts';
export type { PrinterTarget, SendOptions } from './printer-transport.ts';
export { PrinterError } from './printer-error.ts';
export type { PrinterErrorCode } from './printer-error.ts';
export {
  renderLayoutPng,
  renderLayoutSvg,
  renderTicketPng,
  renderTicketSvg,
  toReceiptline,
} from './preview.ts';
export type { PreviewOptions } from './preview.ts';
