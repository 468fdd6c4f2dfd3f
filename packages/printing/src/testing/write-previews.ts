// Writes preview PNGs of the sample tickets, for a person to look at:
//   npx tsx packages/printing/src/testing/write-previews.ts [out-dir]
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderTicketPng } from '../preview.ts';
import type { PaperWidth } from '../ticket-layout.ts';
import { samplePriorityTicket, sampleTicket } from './sample-tickets.ts';

const outDir = resolve(process.argv[2] ?? '.tmp/previews');
await mkdir(outDir, { recursive: true });

const previews: [string, ReturnType<typeof sampleTicket>, PaperWidth][] = [
  ['ticket-58mm.png', sampleTicket(), 58],
  ['ticket-80mm.png', sampleTicket(), 80],
  ['ticket-priority-58mm.png', samplePriorityTicket(), 58],
  ['ticket-priority-80mm.png', samplePriorityTicket(), 80],
  ['ticket-en-58mm.png', sampleTicket({ priority: 'disabilitas' }, 'en'), 58],
];
for (const [name, content, paperWidth] of previews) {
  const file = join(outDir, name);
  await writeFile(file, await renderTicketPng(content, paperWidth));
  console.log(file);
}
