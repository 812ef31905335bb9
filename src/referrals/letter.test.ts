// The letter on its own: the catalogue is complete in both languages and fits the built-in fonts,
// and a rendered letter (uncompressed, so its text can be read) holds the visible fields only.
import { describe, expect, it } from 'vitest';
import { latin1, letterFileName, personLines, renderLetter } from './letter.js';
import { letterText } from './letter-locale.js';
import type { ReferralOut } from './schema.js';
import { contactPreferences, overrideReasons, referralFieldCodes, urgencies } from './vocabulary.js';

function leaves(o: unknown, path = ''): [string, unknown][] {
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, o]];
}

describe('the letter catalogue', () => {
  it('has the same keys in Indonesian and English, every text filled and in Latin-1', () => {
    const id = leaves(letterText.id);
    const en = leaves(letterText.en);
    expect(id.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [k, v] of [...id, ...en]) {
      expect(typeof v, k).toBe('string');
      expect((v as string).trim().length, k).toBeGreaterThan(0);
      expect(latin1(v as string), k).toBe(v);
    }
  });

  it('covers every urgency, contact preference, override reason and person field', () => {
    for (const lang of ['id', 'en'] as const) {
      const t = letterText[lang];
      expect(Object.keys(t.urgencies).sort()).toEqual([...urgencies].sort());
      expect(Object.keys(t.contactPreferences).sort()).toEqual([...contactPreferences].sort());
      expect(Object.keys(t.overrideReasons).sort()).toEqual([...overrideReasons].sort());
      expect(Object.keys(t.fields).sort()).toEqual(referralFieldCodes.filter((f) => f !== 'needs').sort());
    }
  });
});

const referral: ReferralOut = {
  id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c5d',
  side: 'receiver',
  caseId: null,
  caseReference: 'PUL-2026-000123',
  from: { id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c51', name: 'Dinas Sosial Provinsi Jawa Timur' },
  to: { id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c52', name: 'Yayasan Bina Pulih Nusantara', type: 'ngo' },
  service: { id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c53', name: 'Konseling trauma' },
  needs: [{ id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c54', type: 'counselling', dimension: 'psychosocial', severity: 'high', description: 'Sulit tidur.' }],
  urgency: 'emergency',
  respondBy: new Date('2026-03-11T03:00:00Z'),
  overdue: false,
  message: 'Mohon segera dihubungi.',
  contactPreference: 'phone',
  status: 'sent',
  declineReason: null,
  outcome: null,
  allowedTransitions: [],
  sharedFields: ['first_name', 'sex', 'languages', 'contact', 'needs'],
  visibleFields: ['first_name', 'sex', 'languages', 'needs'],
  accessUntil: null,
  consent: { id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c55', active: true },
  override: null,
  person: { firstName: 'Nguyễn', sex: 'female', languages: ['jv', 'id'] },
  sentBy: { id: '6f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c56', displayName: 'Siti Nurhaliza Rahman' },
  sentAt: new Date('2026-03-10T03:00:00Z'),
  answeredAt: null,
  endedAt: null,
  version: 1,
};

describe('rendering', () => {
  it('writes an A4 letter with the referral, the visible fields and the basis, in both languages', async () => {
    const pdf = await renderLetter({ referral, consentGivenAt: new Date('2026-03-01T03:00:00Z'), lang: 'id', now: new Date('2026-03-10T05:00:00Z') }, { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = textOf(raw);
    for (const s of ['Surat Rujukan', 'PUL-2026-000123', 'Dinas Sosial Provinsi Jawa Timur', 'Yayasan Bina Pulih Nusantara', 'Konseling trauma', 'Darurat', 'Sulit tidur.', 'Mohon segera dihubungi.', 'Telepon', 'Nguyen', 'Perempuan', '1 Maret 2026', 'Tanda tangan'])
      expect(text, s).toContain(s);
    const en = textOf((await renderLetter({ referral, consentGivenAt: new Date('2026-03-01T03:00:00Z'), lang: 'en' }, { compress: false })).toString('latin1'));
    for (const s of ['Referral letter', 'Emergency', 'Phone', 'Female', '1 March 2026', 'Javanese']) expect(en, s).toContain(s);
  });

  it('says so when nothing personal is shared, and names an override without its justification', async () => {
    const none = { ...referral, visibleFields: [], person: {}, consent: { id: referral.consent!.id, active: false } } satisfies ReferralOut;
    const text = textOf((await renderLetter({ referral: none, consentGivenAt: null, lang: 'en' }, { compress: false })).toString('latin1'));
    expect(text).toContain('No personal details are shared.');
    expect(text).toContain('no longer stands');
    expect(text).not.toContain('Nguyen');
    const overridden = {
      ...referral,
      consent: null,
      override: { reason: 'threat_to_life', justification: null, by: null, reviewedAt: null, reviewedBy: null, reviewNote: null },
    } satisfies ReferralOut;
    const o = textOf((await renderLetter({ referral: overridden, consentGivenAt: null, lang: 'en' }, { compress: false })).toString('latin1'));
    expect(o).toContain('a threat to life');
    expect(o).toContain('awaiting review');
  });

  it('lists each person field in the order of the field list', () => {
    const lines = personLines(
      { fullName: 'Siti Rahayu', homeArea: { code: '35.07.01.2001', province: 'Jawa Timur', regency: 'Kabupaten Malang', district: 'Donomulyo', village: 'Tulungrejo' }, identityDocuments: [{ type: 'nik', number: '3507' }], disabilities: [], screening: null },
      ['full_name', 'home_area', 'identity_documents', 'disabilities', 'screening'],
      letterText.en,
      'en',
    );
    expect(lines).toEqual([
      ['Full name', 'Siti Rahayu'],
      ['Home area', 'Tulungrejo, Donomulyo, Kabupaten Malang, Jawa Timur'],
      ['Identity documents', 'NIK (national ID number): 3507'],
      ['Disabilities', '-'],
      ['Screening result', 'unknown'],
    ]);
    expect(letterFileName('PUL-2026-000123')).toBe('rujukan-PUL-2026-000123.pdf');
  });
});

/** The text of an uncompressed pdfkit PDF: the hex strings of each TJ, joined. */
function textOf(raw: string): string {
  return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join('')).join('\n');
}
