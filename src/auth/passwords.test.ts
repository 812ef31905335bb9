import { describe, expect, it } from 'vitest';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './passwords.js';

describe('passwordProblem', () => {
  it.each(['', 'pendek', 'Abc-123-xyz'])('refuses %j as too_short (under %i characters)', (p) => {
    expect(p.length).toBeLessThan(MIN_PASSWORD_LENGTH);
    expect(passwordProblem(p)).toBe('too_short');
  });

  it('refuses anything over 256 characters as too_long', () => {
    expect(passwordProblem('Ab1-'.repeat(65))).toBe('too_long');
  });

  it.each(['rahasiaku2024', 'indonesia123', 'katasandi123', 'pulang2026pulang'])('refuses the Indonesian common password %j as too_common', (p) => {
    expect(passwordProblem(p)).toBe('too_common');
  });

  it.each(['password1234', 'Password1234!', 'qwertyuiop123'])('refuses the English or keyboard common password %j as too_common', (p) => {
    expect(passwordProblem(p)).toBe('too_common');
  });

  it.each(['jakarta2024!!', 'rahasia-rahasia'])('refuses the guessable %j as too_weak', (p) => {
    expect(passwordProblem(p)).toBe('too_weak');
  });

  it("refuses the user's own name, which it accepts from someone else", () => {
    const own = ['wiryawan.kusumadewi@example.org', 'Wiryawan Kusumadewi'];
    expect(passwordProblem('wiryawankusumadewi', own)).toBe('too_weak');
    expect(passwordProblem('wiryawankusumadewi')).toBeNull();
  });

  it('uses the parts of the email address as the user’s own words', () => {
    expect(passwordProblem('tirtonadisuryoningrat', ['tirtonadi.suryoningrat@example.org'])).toBe('too_weak');
    expect(passwordProblem('tirtonadisuryoningrat')).toBeNull();
  });

  it.each(['Kopi-Tubruk-Senja-2026!', 'correct horse battery staple', 'Perahu-Kertas-Melaju-Ke-Timur'])('accepts the passphrase %j', (p) => {
    expect(passwordProblem(p, ['siti.rahayu@example.org', 'Siti Rahayu'])).toBeNull();
  });
});

describe('hashing', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const h = await hashPassword('Kopi-Tubruk-Senja-2026!');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Kopi-Tubruk-Senja-2026!')).toBe(true);
    expect(await verifyPassword(h, 'kopi-tubruk-senja-2026!')).toBe(false);
  });

  it('treats a missing or malformed hash as a non-match', async () => {
    expect(await verifyPassword(null, 'apa saja')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'apa saja')).toBe(false);
  });
});
