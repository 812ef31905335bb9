// Needs assessment: what a returnee needs, by dimension, each need with a severity. Open needs
// are what referrals and the reintegration plan work from. Codes are stable and unique across
// all dimensions, so a need is identified by its type alone.

import type { Label } from './screening.js';

export const needDimensions = [
  { code: 'economic', label: { en: 'Economic', id: 'Ekonomi' } },
  { code: 'social', label: { en: 'Social', id: 'Sosial' } },
  { code: 'psychosocial', label: { en: 'Psychosocial', id: 'Psikososial' } },
  { code: 'health', label: { en: 'Health', id: 'Kesehatan' } },
  { code: 'legal', label: { en: 'Legal', id: 'Hukum' } },
  { code: 'safety', label: { en: 'Safety', id: 'Keamanan' } },
] as const;
export type NeedDimension = (typeof needDimensions)[number]['code'];

export const needTypes = [
  { code: 'livelihood', dimension: 'economic', label: { en: 'Livelihood', id: 'Mata pencaharian' } },
  { code: 'job_placement', dimension: 'economic', label: { en: 'Job placement', id: 'Penempatan kerja' } },
  { code: 'vocational_training', dimension: 'economic', label: { en: 'Vocational training', id: 'Pelatihan keterampilan' } },
  { code: 'microbusiness_grant', dimension: 'economic', label: { en: 'Micro-business grant', id: 'Bantuan modal usaha mikro' } },
  { code: 'debt', dimension: 'economic', label: { en: 'Debt', id: 'Utang' } },
  { code: 'family_reunification', dimension: 'social', label: { en: 'Family reunification', id: 'Penyatuan kembali dengan keluarga' } },
  { code: 'shelter', dimension: 'social', label: { en: 'Shelter', id: 'Tempat tinggal sementara' } },
  { code: 'education', dimension: 'social', label: { en: 'Education', id: 'Pendidikan' } },
  { code: 'documents', dimension: 'social', label: { en: 'Civil documents', id: 'Dokumen kependudukan' } },
  { code: 'counselling', dimension: 'psychosocial', label: { en: 'Counselling', id: 'Konseling' } },
  { code: 'peer_support', dimension: 'psychosocial', label: { en: 'Peer support', id: 'Dukungan sebaya' } },
  { code: 'community_acceptance', dimension: 'psychosocial', label: { en: 'Community acceptance', id: 'Penerimaan masyarakat' } },
  { code: 'medical_treatment', dimension: 'health', label: { en: 'Medical treatment', id: 'Pengobatan medis' } },
  { code: 'mental_health', dimension: 'health', label: { en: 'Mental health care', id: 'Layanan kesehatan jiwa' } },
  { code: 'reproductive_health', dimension: 'health', label: { en: 'Reproductive health', id: 'Kesehatan reproduksi' } },
  { code: 'disability_support', dimension: 'health', label: { en: 'Disability support', id: 'Dukungan disabilitas' } },
  { code: 'legal_aid', dimension: 'legal', label: { en: 'Legal aid', id: 'Bantuan hukum' } },
  { code: 'police_report', dimension: 'legal', label: { en: 'Police report', id: 'Laporan polisi' } },
  { code: 'restitution', dimension: 'legal', label: { en: 'Restitution', id: 'Restitusi' } },
  { code: 'witness_protection', dimension: 'legal', label: { en: 'Witness and victim protection', id: 'Perlindungan saksi dan korban' } },
  { code: 'protection', dimension: 'safety', label: { en: 'Protection', id: 'Perlindungan' } },
  { code: 'relocation', dimension: 'safety', label: { en: 'Relocation', id: 'Relokasi' } },
] as const satisfies readonly { code: string; dimension: NeedDimension; label: Label }[];
export type NeedType = (typeof needTypes)[number]['code'];

/** Severities, least first; `severityRank` orders them for sorting. */
export const needSeverities = [
  { code: 'low', label: { en: 'Low', id: 'Rendah' } },
  { code: 'moderate', label: { en: 'Moderate', id: 'Sedang' } },
  { code: 'high', label: { en: 'High', id: 'Tinggi' } },
  { code: 'critical', label: { en: 'Critical', id: 'Kritis' } },
] as const;
export type NeedSeverity = (typeof needSeverities)[number]['code'];

export const severityRank: Readonly<Record<NeedSeverity, number>> = { low: 1, moderate: 2, high: 3, critical: 4 };

export const dimensionOf = (type: NeedType): NeedDimension => needTypes.find((t) => t.code === type)!.dimension;

export const needTypesOf = (dimension: NeedDimension): NeedType[] =>
  needTypes.filter((t) => t.dimension === dimension).map((t) => t.code);
