// Keyed hashes (HMAC-SHA256) for finding encrypted values without decrypting them: exact look-up
// of identity document numbers, and the deliberately colliding blocking keys of duplicate
// detection. Without the look-up key the hashes cannot be tested against guesses (a NIK has far
// too little entropy for a plain digest to protect it).
import { createHmac } from 'node:crypto';

export class BlindIndex {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the look-up key must be 32 bytes');
  }

  /** Full-length hash of a value under a purpose ("doc:nik", "doc:passport"…), as hex. */
  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${value}`).digest('hex');
  }

  /**
   * A short hash (default 5 bytes, base64url) of a matching feature: short enough that distinct
   * features share keys now and then, so the key table says little about any one name, long
   * enough that a shared key still narrows the candidates to a handful.
   */
  blockingKey(purpose: string, feature: string, bytes = 5): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${feature}`).digest().subarray(0, bytes).toString('base64url');
  }
}
