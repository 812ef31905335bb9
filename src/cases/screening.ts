// Trafficking screening picklists, following the Human Trafficking Case Data Standard (HTCDS)
// of the Counter Trafficking Data Collaborative (CTDC), so that Pulang's records can be pooled
// and compared with other agencies' data.
//
// Caution: these lists are written from best knowledge of HTCDS, not copied from the standard's
// text; check them against the current HTCDS release before an export depends on them. Where
// a value corresponds to a variable of the CTDC global dataset (e.g. `meansOfControlDebtBondage`,
// `isForcedLabour`, `typeOfLabourBegging`), `ctdc` names it; values without `ctdc` are Pulang's
// additions for practice in Indonesia (online scam compounds, informal brokers, …) and map to
// the standard's "other". Codes are snake_case and stable: stored in the database, never renamed.

export interface Label {
  en: string;
  id: string;
}
export interface PicklistItem {
  code: string;
  label: Label;
  ctdc?: string;
}

export const exploitationTypes = [
  { code: 'forced_labour', label: { en: 'Forced labour', id: 'Kerja paksa' }, ctdc: 'isForcedLabour' },
  { code: 'sexual_exploitation', label: { en: 'Sexual exploitation', id: 'Eksploitasi seksual' }, ctdc: 'isSexualExploit' },
  { code: 'forced_marriage', label: { en: 'Forced marriage', id: 'Perkawinan paksa' }, ctdc: 'isForcedMarriage' },
  { code: 'forced_criminal_activity', label: { en: 'Forced criminal activity', id: 'Dipaksa melakukan tindak pidana' }, ctdc: 'typeOfLabourIllicitActivities' },
  { code: 'domestic_servitude', label: { en: 'Domestic servitude', id: 'Perbudakan dalam rumah tangga' }, ctdc: 'typeOfLabourDomesticWork' },
  { code: 'organ_removal', label: { en: 'Organ removal', id: 'Pengambilan organ tubuh' }, ctdc: 'isOrganRemoval' },
  { code: 'begging', label: { en: 'Forced begging', id: 'Dipaksa mengemis' }, ctdc: 'typeOfLabourBegging' },
  { code: 'military_or_armed_groups', label: { en: 'Military or armed groups', id: 'Militer atau kelompok bersenjata' }, ctdc: 'isForcedMilitary' },
  { code: 'online_scam_compound', label: { en: 'Online scam compound work', id: 'Kerja paksa di markas penipuan daring' } },
  { code: 'slavery_and_similar_practices', label: { en: 'Slavery and similar practices', id: 'Perbudakan dan praktik serupa perbudakan' }, ctdc: 'isSlaveryAndPractices' },
  { code: 'other', label: { en: 'Other', id: 'Lainnya' }, ctdc: 'isOtherExploit' },
] as const satisfies readonly PicklistItem[];
export type ExploitationType = (typeof exploitationTypes)[number]['code'];

export const meansOfControl = [
  { code: 'threats', label: { en: 'Threats', id: 'Ancaman' }, ctdc: 'meansOfControlThreats' },
  { code: 'physical_violence', label: { en: 'Physical violence', id: 'Kekerasan fisik' }, ctdc: 'meansOfControlPhysicalAbuse' },
  { code: 'sexual_violence', label: { en: 'Sexual violence', id: 'Kekerasan seksual' }, ctdc: 'meansOfControlSexualAbuse' },
  { code: 'psychological_abuse', label: { en: 'Psychological abuse', id: 'Kekerasan psikis' }, ctdc: 'meansOfControlPsychologicalAbuse' },
  { code: 'withholding_documents', label: { en: 'Withholding of documents', id: 'Penahanan dokumen' }, ctdc: 'meansOfControlWithholdsDocuments' },
  { code: 'withholding_wages', label: { en: 'Withholding of wages', id: 'Penahanan upah' }, ctdc: 'meansOfControlTakesEarnings' },
  { code: 'debt_bondage', label: { en: 'Debt bondage', id: 'Jeratan utang' }, ctdc: 'meansOfControlDebtBondage' },
  { code: 'restriction_of_movement', label: { en: 'Restriction of movement', id: 'Pembatasan kebebasan bergerak' }, ctdc: 'meansOfControlRestrictsMovement' },
  { code: 'isolation', label: { en: 'Isolation', id: 'Pengisolasian' } },
  { code: 'false_promises', label: { en: 'False promises', id: 'Janji palsu' }, ctdc: 'meansOfControlFalsePromises' },
  { code: 'excessive_working_hours', label: { en: 'Excessive working hours', id: 'Jam kerja berlebihan' }, ctdc: 'meansOfControlExcessiveWorkingHours' },
  { code: 'threats_against_family', label: { en: 'Threats against family', id: 'Ancaman terhadap keluarga' } },
  { code: 'substance_use', label: { en: 'Forced or induced substance use', id: 'Pemberian paksa zat adiktif' }, ctdc: 'meansOfControlPsychoactiveSubstances' },
  { code: 'restricting_financial_access', label: { en: 'Restricting access to money', id: 'Pembatasan akses keuangan' }, ctdc: 'meansOfControlRestrictsFinancialAccess' },
  { code: 'restricting_medical_care', label: { en: 'Restricting medical care', id: 'Pembatasan akses layanan kesehatan' }, ctdc: 'meansOfControlRestrictsMedicalCare' },
  { code: 'withholding_necessities', label: { en: 'Withholding food, water or sleep', id: 'Penahanan makanan, air atau waktu tidur' }, ctdc: 'meansOfControlWithholdsNecessities' },
  { code: 'threat_of_law_enforcement', label: { en: 'Threat of police or immigration', id: 'Ancaman dilaporkan ke polisi atau imigrasi' }, ctdc: 'meansOfControlThreatOfLawEnforcement' },
  { code: 'other', label: { en: 'Other', id: 'Lainnya' }, ctdc: 'meansOfControlOther' },
] as const satisfies readonly PicklistItem[];
export type MeansOfControl = (typeof meansOfControl)[number]['code'];

export const recruitmentMethods = [
  { code: 'personal_contact', label: { en: 'Personal contact', id: 'Kontak langsung' } },
  { code: 'family_or_friend', label: { en: 'Through family or a friend', id: 'Melalui keluarga atau teman' } },
  { code: 'recruitment_agency', label: { en: 'Recruitment agency', id: 'Perusahaan penempatan / agen perekrut' } },
  // The village broker ("calo", "sponsor", "tekong") is how much irregular migration starts.
  { code: 'informal_broker', label: { en: 'Informal broker', id: 'Calo / sponsor perorangan' } },
  { code: 'online_advertisement', label: { en: 'Online advertisement', id: 'Iklan daring' } },
  { code: 'social_media', label: { en: 'Social media', id: 'Media sosial' } },
  { code: 'job_fair', label: { en: 'Job fair', id: 'Bursa kerja' } },
  { code: 'abduction', label: { en: 'Abduction', id: 'Penculikan' }, ctdc: 'isAbduction' },
  { code: 'other', label: { en: 'Other', id: 'Lainnya' } },
] as const satisfies readonly PicklistItem[];
export type RecruitmentMethod = (typeof recruitmentMethods)[number]['code'];

export const recruiterRelationships = [
  { code: 'family', label: { en: 'Family member', id: 'Anggota keluarga' }, ctdc: 'recruiterRelationFamily' },
  { code: 'intimate_partner', label: { en: 'Intimate partner', id: 'Pasangan / kekasih' }, ctdc: 'recruiterRelationIntimatePartner' },
  { code: 'friend', label: { en: 'Friend', id: 'Teman' }, ctdc: 'recruiterRelationFriend' },
  { code: 'acquaintance', label: { en: 'Acquaintance', id: 'Kenalan' } },
  { code: 'employer', label: { en: 'Employer', id: 'Pemberi kerja' } },
  { code: 'agency', label: { en: 'Agency', id: 'Agen / perusahaan' } },
  { code: 'stranger', label: { en: 'Stranger', id: 'Orang tak dikenal' } },
  { code: 'other', label: { en: 'Other', id: 'Lainnya' }, ctdc: 'recruiterRelationOther' },
  { code: 'unknown', label: { en: 'Unknown', id: 'Tidak diketahui' }, ctdc: 'recruiterRelationUnknown' },
] as const satisfies readonly PicklistItem[];
export type RecruiterRelationship = (typeof recruiterRelationships)[number]['code'];

// Industry of exploitation: the 21 sections of ISIC Rev.4. Indonesian names follow the
// sections of KBLI 2020 (Indonesia's classification built on ISIC Rev.4), from best knowledge.
export const industries = [
  { code: 'agriculture_forestry_fishing', isic: 'A', label: { en: 'Agriculture, forestry and fishing', id: 'Pertanian, kehutanan dan perikanan' } },
  { code: 'mining_quarrying', isic: 'B', label: { en: 'Mining and quarrying', id: 'Pertambangan dan penggalian' } },
  { code: 'manufacturing', isic: 'C', label: { en: 'Manufacturing', id: 'Industri pengolahan' } },
  { code: 'electricity_gas_steam', isic: 'D', label: { en: 'Electricity, gas, steam and air conditioning supply', id: 'Pengadaan listrik, gas, uap/air panas dan udara dingin' } },
  { code: 'water_sewerage_waste', isic: 'E', label: { en: 'Water supply; sewerage, waste management and remediation activities', id: 'Pengadaan air, pengelolaan sampah, limbah dan daur ulang, serta aktivitas remediasi' } },
  { code: 'construction', isic: 'F', label: { en: 'Construction', id: 'Konstruksi' } },
  { code: 'wholesale_retail_trade', isic: 'G', label: { en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles', id: 'Perdagangan besar dan eceran; reparasi dan perawatan mobil dan sepeda motor' } },
  { code: 'transportation_storage', isic: 'H', label: { en: 'Transportation and storage', id: 'Pengangkutan dan pergudangan' } },
  { code: 'accommodation_food_service', isic: 'I', label: { en: 'Accommodation and food service activities', id: 'Penyediaan akomodasi dan penyediaan makan minum' } },
  { code: 'information_communication', isic: 'J', label: { en: 'Information and communication', id: 'Informasi dan komunikasi' } },
  { code: 'financial_insurance', isic: 'K', label: { en: 'Financial and insurance activities', id: 'Aktivitas keuangan dan asuransi' } },
  { code: 'real_estate', isic: 'L', label: { en: 'Real estate activities', id: 'Real estat' } },
  { code: 'professional_scientific_technical', isic: 'M', label: { en: 'Professional, scientific and technical activities', id: 'Aktivitas profesional, ilmiah dan teknis' } },
  { code: 'administrative_support', isic: 'N', label: { en: 'Administrative and support service activities', id: 'Aktivitas penyewaan, ketenagakerjaan, agen perjalanan dan penunjang usaha lainnya' } },
  { code: 'public_administration_defence', isic: 'O', label: { en: 'Public administration and defence; compulsory social security', id: 'Administrasi pemerintahan, pertahanan dan jaminan sosial wajib' } },
  { code: 'education', isic: 'P', label: { en: 'Education', id: 'Pendidikan' } },
  { code: 'health_social_work', isic: 'Q', label: { en: 'Human health and social work activities', id: 'Aktivitas kesehatan manusia dan aktivitas sosial' } },
  { code: 'arts_entertainment_recreation', isic: 'R', label: { en: 'Arts, entertainment and recreation', id: 'Kesenian, hiburan dan rekreasi' } },
  { code: 'other_service_activities', isic: 'S', label: { en: 'Other service activities', id: 'Aktivitas jasa lainnya' } },
  // Domestic workers abroad are recorded here.
  { code: 'households_as_employers', isic: 'T', label: { en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use', id: 'Aktivitas rumah tangga sebagai pemberi kerja; aktivitas yang menghasilkan barang dan jasa oleh rumah tangga untuk digunakan sendiri' } },
  { code: 'extraterritorial_organizations', isic: 'U', label: { en: 'Activities of extraterritorial organizations and bodies', id: 'Aktivitas badan internasional dan badan ekstra internasional lainnya' } },
] as const satisfies readonly (PicklistItem & { isic: string })[];
export type Industry = (typeof industries)[number]['code'];

// Determination is recorded by an authorised role (see the policy module). A presumed victim is
// treated as a victim until confirmed or ruled out; "not a victim" does not close the case.
export const determinations = [
  { code: 'presumed', label: { en: 'Presumed victim', id: 'Diduga korban' } },
  { code: 'confirmed', label: { en: 'Confirmed victim', id: 'Korban terkonfirmasi' } },
  { code: 'not_a_victim', label: { en: 'Not a victim of trafficking', id: 'Bukan korban perdagangan orang' } },
] as const satisfies readonly PicklistItem[];
export type Determination = (typeof determinations)[number]['code'];

/** Every screening picklist by name, for validation and for the web app's catalogue. */
export const screeningPicklists = {
  exploitationTypes,
  meansOfControl,
  recruitmentMethods,
  recruiterRelationships,
  industries,
  determinations,
} as const;

/** Codes of a picklist, e.g. as a tuple for `z.enum(codesOf(meansOfControl))`. */
export const codesOf = <const T extends readonly PicklistItem[]>(list: T) =>
  list.map((i) => i.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const labelOf = (list: readonly PicklistItem[], code: string, lang: keyof Label): string | undefined =>
  list.find((i) => i.code === code)?.label[lang];
