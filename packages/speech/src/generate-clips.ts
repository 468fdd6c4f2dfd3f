// Usage: npx tsx packages/speech/src/generate-clips.ts <folder> [--lang id|en] [--speed 140]
import { parseArgs } from 'node:util';
import { generateClipSet } from './generate-clip-set.ts';

const USAGE = 'Usage: generate-clips <folder> [--lang id|en] [--speed words-per-minute]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'id' }, speed: { type: 'string' } },
});
const [folder] = positionals;
const { lang, speed } = values;

if (folder === undefined || positionals.length > 1 || (lang !== 'id' && lang !== 'en')) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  try {
    const files = await generateClipSet(folder, lang, {
      espeak: speed === undefined ? {} : { speed: Number(speed) },
    });
    console.log(`Wrote ${files.length} clips (${lang}) to ${folder}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
