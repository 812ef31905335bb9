// Password rules: argon2id, at least 12 characters, and refused when a strength estimator with
// Indonesian and English word lists finds it guessable (common words, names, keyboard walks, the user's own details).
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as idn from '@zxcvbn-ts/language-id';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

const zxcvbn = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary, ...idn.dictionary },
});

// Words every Pulang password list would try first.
const localWords = ['pulang', 'pulang2024', 'pulang2025', 'pulang2026', 'indonesia', 'jakarta', 'migran', 'rahasia', 'katasandi', 'iom', 'bp2mi'];

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'too_weak';

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, userInputs: string[] = []): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const inputs = [...localWords, ...userInputs.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((s) => s.length >= 3)];
  // The estimator's cost grows fast with length; past 64 characters a password is long enough to judge by its start.
  const r = zxcvbn.check(password.slice(0, 64), inputs);
  // Score 4 means more than 10^10 guesses: offline-attack resistant for a leaked hash list.
  if (r.score >= 4) return null;
  const dictionaryHit = r.sequence.some((m) => m.pattern === 'dictionary' && m.token.length >= password.length * 0.6);
  return dictionaryHit ? 'too_common' : 'too_weak';
}

export const passwordMessages: Record<PasswordProblem, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  too_common: 'This password is too common or based on a word that is easy to guess.',
  too_weak: 'This password is too easy to guess; add more unrelated words.',
};

export const hashPassword = (password: string) => hash(password, { algorithm: 2 /* Argon2id */ });

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so both answers take the same time.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string) {
  dummy ??= hashPassword('pulang-timing-equaliser-not-a-password');
  await verifyPassword(await dummy, password);
}
