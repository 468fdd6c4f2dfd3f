import { sha256 } from '@noble/hashes/sha2';

// The page's half of the form's proof of work (the hub's is apps/hub/src/complaints/proof-of-work.ts): find a
// nonce whose SHA-256 of `challenge:nonce` starts with `bits` zero bits. Pure JavaScript, not Web Crypto: a hall's
// PCs reach the hub over plain HTTP, where browsers withhold crypto.subtle.

export interface Work {
  readonly challenge: string;
  readonly nonce: string;
}

function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/** Tries nonces in slices, giving the page back its thread between slices so it stays responsive. */
export async function solveWork(challenge: string, bits: number, slice = 4096): Promise<Work> {
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(sha256(encoder.encode(`${challenge}:${nonce.toString(36)}`))) >= bits) {
      return { challenge, nonce: nonce.toString(36) };
    }
    if (nonce % slice === slice - 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
