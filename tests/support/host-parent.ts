// A stand-in for the hub in background-process.test.ts: starts the speech host, prints its pid, and waits to be
// killed (kill -9, as a crash would end the hub) while the host is busy.
import { SpeechProcess } from '../../apps/hub/src/speech/speech-process.ts';

const speech = new SpeechProcess();
await speech.run('true', [], { timeoutMs: 10_000 });
// The host busy when the hub dies, as in the middle of a render: it must not finish the work for nobody.
void speech.run('sleep', ['30'], { timeoutMs: 60_000 }).catch(() => undefined);
process.stdout.write(`${String(speech.pid)}\n`);
setInterval(() => undefined, 60_000);
