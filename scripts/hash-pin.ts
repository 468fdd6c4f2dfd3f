// Prints the values a site file needs: `npm run hash-pin -- <PIN>` for an account, `--token <TOKEN>` for a device.
import { hashPin, sha256 } from '../apps/hub/src/auth/secrets.ts';

const [first, second] = process.argv.slice(2);
if (first === '--token' && second) {
  console.log(sha256(second));
} else if (first && /^\d{6,12}$/.test(first)) {
  console.log(await hashPin(first));
} else {
  // A real site refuses PINs shorter than 6 digits (minPinLength); the demo's 1234 is published, not made here.
  console.error('usage: npm run hash-pin -- <PIN of 6-12 digits> | --token <device token>');
  process.exit(2);
}
