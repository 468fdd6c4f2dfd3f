export { decodeEscPos } from './decode-escpos.ts';
export type { DecodedEscPos, DecodedLine } from './decode-escpos.ts';
export { FakeTcpPrinter } from './fake-tcp-printer.ts';
export type { FakePrintJob, FakeTcpPrinterOptions } from './fake-tcp-printer.ts';
export { samplePriorityTicket, sampleTicket, sampleTicketInput } from './sample-tickets.ts';
