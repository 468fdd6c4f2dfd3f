// Prints the values a site file needs: `npm run hash-pin -- <PIN>` for an account, `--token <TOKEN>` for a device.
import { hashPin, sha256 } from '../apps/hub/src/auth/secrets.ts';

const [first, second] = process.argv.slice(2);
if (first === '--token' && second) {
  console.log(sha256(second));
} else if (first && /^\d{4,12}$/.test(first)) {
  console.log(await hashPin(first));
} else {
  console.error('usage: npm run hash-pin -- <PIN of 4-12 digits> | --token <device token>');
  process.exit(2);
}
