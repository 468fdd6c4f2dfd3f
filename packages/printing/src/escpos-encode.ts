import { BreakLine, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { LayoutLine, TicketLayout } from './ticket-layout.ts';

// ESC @: start from the printer's defaults whatever the last job left behind.
const INITIALIZE = Buffer.from([0x1b, 0x40]);

function encodeLine(printer: ThermalPrinter, line: LayoutLine): void {
  switch (line.kind) {
    case 'text':
      if (line.align === 'left') printer.alignLeft();
      else if (line.align === 'right') printer.alignRight();
      else printer.alignCenter();
      printer.setTextSize(line.size - 1, line.size - 1);
      printer.bold(line.bold);
      printer.invert(line.inverted);
      printer.println(line.text);
      printer.invert(false);
      printer.bold(false);
      printer.setTextSize(0, 0);
      return;
    case 'rule':
      printer.alignLeft();
      printer.drawLine('-');
      return;
    case 'qr':
      printer.alignCenter();
      printer.printQR(line.data, { cellSize: line.cellSize, correction: 'M', model: 2 });
      return;
    case 'feed':
      for (let i = 0; i < line.lines; i++) printer.newLine();
      return;
    case 'cut':
      // One ESC d 4 (four lines) carries the last line past the cutter; the library's default feeds eight.
      printer.cut({ verticalTabAmount: 1 });
      return;
  }
}

/** The layout as ESC/POS bytes for an Epson-compatible printer, built with node-thermal-printer. */
export function encodeEscPos(layout: TicketLayout): Buffer {
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // No interface: this printer object only builds bytes; sending them is the transport's job.
    interface: '',
    width: layout.columns,
    // The layout has wrapped every line for its own text size; the library would wrap at size 1.
    breakLine: BreakLine.NONE,
  });
  printer.add(INITIALIZE);
  for (const line of layout.lines) encodeLine(printer, line);
  return printer.getBuffer();
}
