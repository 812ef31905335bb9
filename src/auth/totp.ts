// TOTP second factor (RFC 6238, 30 s steps, ±1 step of clock drift) and single-use recovery codes.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashToken } from '../platform/crypto/tokens.js';

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(secret: string, accountLabel: string) {
  const uri = generateURI({ issuer: 'Pulang', label: accountLabel, secret });
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** The time step the code matched, or null. `afterStep` refuses a code already used. */
export async function checkTotp(secret: string, code: string, afterStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, afterTimeStep: afterStep ?? undefined });
  // verify() answers with an object that is always truthy; only .valid says yes.
  if (!result.valid) return null;
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(Date.now() / 30000);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const s = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}
export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
export const hashRecoveryCode = (code: string) => hashToken(`recovery:${normaliseRecoveryCode(code)}`);
