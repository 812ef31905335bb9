// Every word of the referral letter, in Indonesian and English (same keys; letter.test.ts checks).
// Need types, severities, exploitation types and determinations come with their own labels from
// cases/needs.ts and cases/screening.ts. Built-in PDF fonts know only Latin-1 characters: keep to them.
import type { ContactPreference, LetterLanguage, OverrideReason, ReferralField, Urgency } from './vocabulary.js';

export interface LetterText {
  title: string;
  confidential: string;
  from: string;
  to: string;
  service: string;
  date: string;
  reference: string;
  urgency: string;
  respondBy: string;
  sentBy: string;
  needs: string;
  severity: string;
  message: string;
  contactPreference: string;
  person: string;
  personNothing: string;
  personEnded: string;
  basis: string;
  consentOn: string;
  consentWithdrawn: string;
  overrideBasis: string;
  reviewed: string;
  notReviewed: string;
  signatures: string;
  signSender: string;
  signReceiver: string;
  signName: string;
  signSignature: string;
  signDate: string;
  footer: string;
  page: string;
  unknown: string;
  urgencies: Record<Urgency, string>;
  contactPreferences: Record<ContactPreference, string>;
  overrideReasons: Record<OverrideReason, string>;
  fields: Record<Exclude<ReferralField, 'needs'>, string>;
  sexes: Record<'female' | 'male', string>;
  documentTypes: Record<'nik' | 'passport' | 'splp' | 'other', string>;
  disabilities: Record<'seeing' | 'hearing' | 'walking' | 'cognition' | 'self_care' | 'communication', string>;
}

const id: LetterText = {
  title: 'Surat Rujukan',
  confidential: 'RAHASIA - berisi data pribadi yang dibagikan atas persetujuan. Jangan diteruskan kepada pihak lain.',
  from: 'Dari',
  to: 'Kepada',
  service: 'Layanan',
  date: 'Tanggal',
  reference: 'Nomor rujukan',
  urgency: 'Tingkat kedaruratan',
  respondBy: 'Mohon dijawab sebelum',
  sentBy: 'Dikirim oleh',
  needs: 'Kebutuhan yang dirujuk',
  severity: 'tingkat',
  message: 'Pesan',
  contactPreference: 'Cara menghubungi yang diinginkan',
  person: 'Data orang yang dirujuk',
  personNothing: 'Tidak ada data pribadi yang dibagikan.',
  personEnded: 'Rujukan telah berakhir dan masa tenggang telah lewat: data pribadi tidak lagi dibagikan.',
  basis: 'Dasar berbagi data',
  consentOn: 'Dibagikan atas persetujuan orang yang bersangkutan yang diberikan pada {date}.',
  consentWithdrawn: 'Persetujuan untuk berbagi data sudah tidak berlaku; data pribadi tidak lagi dibagikan.',
  overrideBasis: 'Dibagikan tanpa persetujuan demi kepentingan terbaik orang tersebut ({reason}), diputuskan oleh penyelia pengirim.',
  reviewed: 'Keputusan ini telah ditinjau pada {date}.',
  notReviewed: 'Keputusan ini menunggu peninjauan.',
  signatures: 'Tanda tangan',
  signSender: 'Lembaga pengirim',
  signReceiver: 'Lembaga penerima',
  signName: 'Nama',
  signSignature: 'Tanda tangan',
  signDate: 'Tanggal',
  footer: 'Dibuat oleh Pulang. Surat ini hanya memuat data yang boleh dibagikan kepada lembaga penerima.',
  page: 'Halaman',
  unknown: 'tidak diketahui',
  urgencies: { emergency: 'Darurat', urgent: 'Mendesak', routine: 'Biasa' },
  contactPreferences: {
    through_case_worker: 'Melalui pendamping kasus',
    phone: 'Telepon',
    home_visit: 'Kunjungan rumah',
    office_visit: 'Datang ke kantor',
  },
  overrideReasons: { child_best_interest: 'kepentingan terbaik anak', threat_to_life: 'ancaman terhadap nyawa' },
  fields: {
    first_name: 'Nama depan',
    full_name: 'Nama lengkap',
    sex: 'Jenis kelamin',
    age_band: 'Kelompok umur',
    birth_date: 'Tanggal lahir',
    languages: 'Bahasa',
    contact: 'Nomor telepon',
    home_area: 'Daerah asal',
    home_address: 'Alamat rumah',
    identity_documents: 'Dokumen identitas',
    disabilities: 'Disabilitas',
    skills_profile: 'Profil keterampilan',
    screening: 'Hasil penapisan',
    case_summary: 'Ringkasan kasus',
  },
  sexes: { female: 'Perempuan', male: 'Laki-laki' },
  documentTypes: { nik: 'NIK', passport: 'Paspor', splp: 'SPLP', other: 'Lainnya' },
  disabilities: {
    seeing: 'Penglihatan',
    hearing: 'Pendengaran',
    walking: 'Berjalan',
    cognition: 'Mengingat atau berkonsentrasi',
    self_care: 'Merawat diri',
    communication: 'Berkomunikasi',
  },
};

const en: LetterText = {
  title: 'Referral letter',
  confidential: 'CONFIDENTIAL - contains personal data shared with consent. Do not pass it on.',
  from: 'From',
  to: 'To',
  service: 'Service',
  date: 'Date',
  reference: 'Referral reference',
  urgency: 'Urgency',
  respondBy: 'Please answer by',
  sentBy: 'Sent by',
  needs: 'Needs referred',
  severity: 'severity',
  message: 'Message',
  contactPreference: 'Preferred way of contact',
  person: 'The person referred',
  personNothing: 'No personal details are shared.',
  personEnded: 'The referral has ended and its grace period is over: personal details are no longer shared.',
  basis: 'Basis for sharing',
  consentOn: "Shared with the person's consent, given on {date}.",
  consentWithdrawn: 'The consent to share no longer stands; personal details are no longer shared.',
  overrideBasis: "Shared without consent in the person's best interest ({reason}), decided by a supervisor of the sender.",
  reviewed: 'This decision was reviewed on {date}.',
  notReviewed: 'This decision is awaiting review.',
  signatures: 'Signatures',
  signSender: 'Referring organisation',
  signReceiver: 'Receiving organisation',
  signName: 'Name',
  signSignature: 'Signature',
  signDate: 'Date',
  footer: 'Made with Pulang. This letter holds only what may be shared with the receiving organisation.',
  page: 'Page',
  unknown: 'unknown',
  urgencies: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' },
  contactPreferences: {
    through_case_worker: 'Through the case worker',
    phone: 'Phone',
    home_visit: 'Home visit',
    office_visit: 'Office visit',
  },
  overrideReasons: { child_best_interest: "a child's best interest", threat_to_life: 'a threat to life' },
  fields: {
    first_name: 'First name',
    full_name: 'Full name',
    sex: 'Sex',
    age_band: 'Age band',
    birth_date: 'Date of birth',
    languages: 'Languages',
    contact: 'Phone numbers',
    home_area: 'Home area',
    home_address: 'Home address',
    identity_documents: 'Identity documents',
    disabilities: 'Disabilities',
    skills_profile: 'Skills profile',
    screening: 'Screening result',
    case_summary: 'Case summary',
  },
  sexes: { female: 'Female', male: 'Male' },
  documentTypes: { nik: 'NIK (national ID number)', passport: 'Passport', splp: 'SPLP (travel document)', other: 'Other' },
  disabilities: {
    seeing: 'Seeing',
    hearing: 'Hearing',
    walking: 'Walking',
    cognition: 'Remembering or concentrating',
    self_care: 'Self-care',
    communication: 'Communicating',
  },
};

export const letterText: Record<LetterLanguage, LetterText> = { id, en };

/** Fills {name} placeholders. */
export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
