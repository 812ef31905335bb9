// The referral letter: an A4 PDF in Indonesian or English with pdfkit's built-in Helvetica. It
// holds what travels with the referral and nothing more: the referral's own details and the
// person's visible fields (the same projection as the receiver's view, for either side), the basis
// for sharing, and signature lines. The override's justification and review note stay with the sender.
import PDFDocument from 'pdfkit';
import { needSeverities, needTypes } from '../cases/needs.js';
import { determinations, exploitationTypes, labelOf } from '../cases/screening.js';
import { fill, letterText, type LetterText } from './letter-locale.js';
import type { ReferralOut } from './schema.js';
import type { LetterLanguage, ReferralField } from './vocabulary.js';

/** Built-in PDF fonts encode Latin-1 only: accents are folded, anything else becomes '?'. */
export function latin1(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x09\x0a\x0d\x20-\x7e\xa0-\xff]/g, '?');
}

const locales: Record<LetterLanguage, string> = { id: 'id-ID', en: 'en-GB' };
const formatDate = (d: Date, lang: LetterLanguage) => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(d);
const formatDateTime = (d: Date, lang: LetterLanguage) =>
  `${new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(d)} WIB`;

function languageName(code: string, lang: LetterLanguage): string {
  try {
    const name = new Intl.DisplayNames([locales[lang]], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** The person's visible fields as label and text lines, in the order of the field list. */
export function personLines(p: ReferralOut['person'], fields: readonly ReferralField[], t: LetterText, lang: LetterLanguage): [string, string][] {
  const out: [string, string][] = [];
  const or = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? t.unknown : v);
  for (const f of fields) {
    switch (f) {
      case 'first_name':
        out.push([t.fields.first_name, or(p.firstName)]);
        break;
      case 'full_name':
        out.push([t.fields.full_name, or(p.fullName)]);
        break;
      case 'sex':
        out.push([t.fields.sex, p.sex ? (t.sexes[p.sex as 'female' | 'male'] ?? p.sex) : t.unknown]);
        break;
      case 'age_band':
        out.push([t.fields.age_band, or(p.ageBand)]);
        break;
      case 'birth_date':
        out.push([t.fields.birth_date, or(p.birthDate)]);
        break;
      case 'languages':
        out.push([t.fields.languages, p.languages?.length ? p.languages.map((l) => languageName(l, lang)).join(', ') : t.unknown]);
        break;
      case 'contact':
        out.push([t.fields.contact, p.phones?.length ? p.phones.join(', ') : t.unknown]);
        break;
      case 'home_area': {
        const a = p.homeArea;
        out.push([t.fields.home_area, a ? [a.village, a.district, a.regency, a.province].filter(Boolean).join(', ') || a.code : t.unknown]);
        break;
      }
      case 'home_address':
        out.push([t.fields.home_address, or(p.homeAddress)]);
        break;
      case 'identity_documents':
        out.push([
          t.fields.identity_documents,
          p.identityDocuments?.length ? p.identityDocuments.map((d) => `${t.documentTypes[d.type as keyof LetterText['documentTypes']] ?? d.type}: ${d.number}`).join('; ') : t.unknown,
        ]);
        break;
      case 'disabilities':
        out.push([t.fields.disabilities, p.disabilities?.length ? p.disabilities.map((d) => t.disabilities[d as keyof LetterText['disabilities']] ?? d).join(', ') : '-']);
        break;
      case 'screening': {
        const s = p.screening;
        const types = s?.exploitationTypes.map((x) => labelOf(exploitationTypes, x, lang) ?? x).join(', ');
        const det = s?.determination ? (labelOf(determinations, s.determination, lang) ?? s.determination) : null;
        out.push([t.fields.screening, s ? [types, det].filter(Boolean).join('; ') || t.unknown : t.unknown]);
        break;
      }
      case 'case_summary':
        out.push([t.fields.case_summary, or(p.caseSummary)]);
        break;
      case 'needs':
        break;
    }
  }
  return out;
}

export interface LetterInput {
  referral: ReferralOut;
  /** When the consent it was sent under was given, or null (override, or unknown). */
  consentGivenAt: Date | null;
  lang: LetterLanguage;
  /** Today, for the letter's date. */
  now?: Date;
}

/** Renders the letter. `compress: false` leaves the page text readable in the file (tests). */
export function renderLetter(input: LetterInput, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { referral: r, lang } = input;
  const t = letterText[lang];
  const now = input.now ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    compress: opts.compress ?? true,
    bufferPages: true,
    info: { Title: `${t.title} ${r.caseReference}`, Creator: 'Pulang', Producer: 'Pulang' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const text = (s: string, o: PDFKit.Mixins.TextOptions = {}) => doc.text(latin1(s), o);
  const heading = (s: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11.5);
    text(s);
    doc.moveDown(0.2).font('Helvetica').fontSize(10.5);
  };
  const row = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10.5);
    text(`${label}: `, { continued: true });
    doc.font('Helvetica');
    text(value);
  };

  // Letterhead: from → to.
  doc.font('Helvetica-Bold').fontSize(15);
  text(r.from.name);
  doc.font('Helvetica').fontSize(9).fillColor('#444444');
  text(t.confidential);
  doc.fillColor('#000000');
  doc.moveTo(left, doc.y + 4).lineTo(left + width, doc.y + 4).lineWidth(1).stroke();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(18);
  text(t.title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10.5);
  row(t.from, r.from.name);
  row(t.to, r.to.name);
  if (r.service) row(t.service, r.service.name);
  row(t.date, formatDate(now, lang));
  row(t.reference, r.caseReference);
  row(t.urgency, t.urgencies[r.urgency]);
  row(t.respondBy, formatDateTime(r.respondBy, lang));
  if (r.sentBy) row(t.sentBy, `${r.sentBy.displayName}, ${formatDate(r.sentAt, lang)}`);

  heading(t.needs);
  for (const n of r.needs) {
    const label = needTypes.find((x) => x.code === n.type)?.label[lang] ?? n.type;
    const severity = n.severity ? needSeverities.find((x) => x.code === n.severity)?.label[lang] : null;
    text(`- ${label}${severity ? ` (${t.severity}: ${severity.toLowerCase()})` : ''}${n.description ? `: ${n.description}` : ''}`, { indent: 8 });
  }

  if (r.message) {
    heading(t.message);
    text(r.message);
  }
  heading(t.contactPreference);
  text(t.contactPreferences[r.contactPreference]);

  heading(t.person);
  const lines = personLines(r.person, r.visibleFields, t, lang);
  if (lines.length) for (const [label, value] of lines) row(label, value);
  else text(r.accessUntil && now.getTime() > r.accessUntil.getTime() ? t.personEnded : t.personNothing);

  heading(t.basis);
  if (r.override) {
    text(fill(t.overrideBasis, { reason: t.overrideReasons[r.override.reason] }));
    text(r.override.reviewedAt ? fill(t.reviewed, { date: formatDate(r.override.reviewedAt, lang) }) : t.notReviewed);
  } else if (r.consent?.active && input.consentGivenAt) {
    text(fill(t.consentOn, { date: formatDate(input.consentGivenAt, lang) }));
  } else {
    text(t.consentWithdrawn);
  }

  // Signature lines, side by side; on a new page when they do not fit.
  heading(t.signatures);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 130) doc.addPage();
  const top = doc.y + 6;
  const col = (width - 30) / 2;
  for (const [i, title] of [t.signSender, t.signReceiver].entries()) {
    const x = left + i * (col + 30);
    doc.font('Helvetica-Bold').fontSize(10.5).text(latin1(title), x, top, { width: col });
    doc.font('Helvetica').fontSize(9.5);
    let y = top + 22;
    for (const label of [t.signName, t.signSignature, t.signDate]) {
      doc.text(latin1(label), x, y, { width: col });
      doc.moveTo(x, y + 26).lineTo(x + col, y + 26).lineWidth(0.5).stroke();
      y += 36;
    }
  }
  doc.x = left;

  // Footer and page numbers on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 18;
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#444444');
    doc.text(latin1(`${t.footer}  ${t.page} ${i + 1}/${range.count}`), left, bottom, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
    doc.fillColor('#000000');
  }
  doc.end();
  return done;
}

/** The file name of a referral's letter. */
export const letterFileName = (caseReference: string) => `rujukan-${caseReference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
