/**
 * `UNREACHABLE`: nothing answered (switched off, unplugged, wrong address, no permission);
 * `TIMEOUT`: the printer did not take the ticket in time; `WRITE_FAILED`: it broke off mid-ticket.
 */
export type PrinterErrorCode = 'UNREACHABLE' | 'TIMEOUT' | 'WRITE_FAILED';

export class PrinterError extends Error {
  override readonly name = 'PrinterError';

  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
