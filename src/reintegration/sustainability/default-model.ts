// The default sustainability model: the structure of IOM's Reintegration Sustainability Survey
// (15 indicators across the economic, social and psychosocial dimensions; a score per dimension
// and a composite, each between 0 and 1). IOM's official weights are not at hand here, so every
// weight is equal, and the model says so in its `basis`. Replace it by loading a new version.
import { modelSchema, type ModelInput, type SustainabilityModel } from './model.js';

type Text = { id: string; en: string };
/** Options from worst to best: values 0, 1, 2, ... (scoring normalises them to 0–1). */
const scale = (...labels: [string, Text][]) => labels.map(([code, label], value) => ({ code, label, value }));
const q = (code: string, indicator: string, text: Text, options: ReturnType<typeof scale>) => ({ code, indicator, text, options });

const input: ModelInput = {
  code: 'rss_default',
  version: 1,
  name: { id: 'Survei keberlanjutan reintegrasi (struktur RSS IOM)', en: 'Reintegration sustainability survey (IOM RSS structure)' },
  basis: {
    id: 'Struktur mengikuti Reintegration Sustainability Survey IOM: 15 indikator dalam tiga dimensi, skor per dimensi dan skor gabungan antara 0 dan 1. Bobot resmi IOM tidak tersedia di sini, jadi semua bobot sama. Muat versi baru bila bobot resmi tersedia.',
    en: "Structure after IOM's Reintegration Sustainability Survey: 15 indicators across three dimensions, a score per dimension and a composite between 0 and 1. IOM's official weights are not at hand here, so all weights are equal. Load a new version when the official weights are available.",
  },
  indicators: [
    { code: 'economic_satisfaction', dimension: 'economic', label: { id: 'Kepuasan atas keadaan ekonomi', en: 'Satisfaction with the economic situation' } },
    { code: 'food_security', dimension: 'economic', label: { id: 'Ketahanan pangan', en: 'Food security' } },
    { code: 'work', dimension: 'economic', label: { id: 'Pekerjaan atau usaha', en: 'Work or business' } },
    { code: 'debt', dimension: 'economic', label: { id: 'Utang dibanding pengeluaran', en: 'Debt against spending' } },
    { code: 'borrowing', dimension: 'economic', label: { id: 'Kebiasaan meminjam', en: 'Frequency of borrowing' } },
    { code: 'housing_access', dimension: 'social', label: { id: 'Tempat tinggal', en: 'Access to housing' } },
    { code: 'housing_standard', dimension: 'social', label: { id: 'Keadaan tempat tinggal', en: 'Standard of housing' } },
    { code: 'health_care', dimension: 'social', label: { id: 'Akses layanan kesehatan', en: 'Access to health care' } },
    { code: 'documents', dimension: 'social', label: { id: 'Dokumen kependudukan', en: 'Civil documents' } },
    { code: 'education', dimension: 'social', label: { id: 'Pendidikan anak', en: "Children's education" } },
    { code: 'participation', dimension: 'psychosocial', label: { id: 'Ikut kegiatan masyarakat', en: 'Participation in community life' } },
    { code: 'support_network', dimension: 'psychosocial', label: { id: 'Dukungan dari orang lain', en: 'Support network' } },
    { code: 'belonging', dimension: 'psychosocial', label: { id: 'Rasa diterima', en: 'Sense of belonging' } },
    { code: 'distress', dimension: 'psychosocial', label: { id: 'Tanda tekanan jiwa', en: 'Signs of distress' } },
    { code: 'safety', dimension: 'psychosocial', label: { id: 'Rasa aman', en: 'Feeling safe' } },
  ],
  questions: [
    q('economic_satisfaction', 'economic_satisfaction', { id: 'Seberapa puas Anda dengan keadaan ekonomi Anda sekarang?', en: 'How satisfied are you with your economic situation now?' }, scale(
      ['very_dissatisfied', { id: 'Sangat tidak puas', en: 'Very dissatisfied' }],
      ['dissatisfied', { id: 'Tidak puas', en: 'Dissatisfied' }],
      ['neutral', { id: 'Biasa saja', en: 'Neither' }],
      ['satisfied', { id: 'Puas', en: 'Satisfied' }],
      ['very_satisfied', { id: 'Sangat puas', en: 'Very satisfied' }],
    )),
    q('food_shortage', 'food_security', { id: 'Sebulan terakhir, seberapa sering keluarga Anda kekurangan makanan?', en: 'In the last month, how often did your household not have enough food?' }, scale(
      ['often', { id: 'Sering', en: 'Often' }],
      ['sometimes', { id: 'Kadang-kadang', en: 'Sometimes' }],
      ['rarely', { id: 'Jarang', en: 'Rarely' }],
      ['never', { id: 'Tidak pernah', en: 'Never' }],
    )),
    q('work', 'work', { id: 'Apakah Anda bekerja atau punya usaha yang menghasilkan uang?', en: 'Do you work or run a business that brings in money?' }, scale(
      ['no', { id: 'Tidak', en: 'No' }],
      ['occasionally', { id: 'Kadang-kadang (serabutan)', en: 'Now and then (casual work)' }],
      ['regularly', { id: 'Ya, tetap', en: 'Yes, regularly' }],
    )),
    q('debt', 'debt', { id: 'Berapa utang Anda dibanding pengeluaran sebulan?', en: 'How large are your debts compared with a month of spending?' }, scale(
      ['over_three_months', { id: 'Lebih dari tiga bulan pengeluaran', en: 'More than three months of spending' }],
      ['one_to_three_months', { id: 'Satu sampai tiga bulan pengeluaran', en: 'One to three months of spending' }],
      ['under_one_month', { id: 'Kurang dari sebulan pengeluaran', en: 'Less than a month of spending' }],
      ['none', { id: 'Tidak punya utang', en: 'No debt' }],
    )),
    q('borrowing', 'borrowing', { id: 'Seberapa sering Anda meminjam uang untuk kebutuhan sehari-hari?', en: 'How often do you borrow money for daily needs?' }, scale(
      ['often', { id: 'Sering', en: 'Often' }],
      ['sometimes', { id: 'Kadang-kadang', en: 'Sometimes' }],
      ['rarely', { id: 'Jarang', en: 'Rarely' }],
      ['never', { id: 'Tidak pernah', en: 'Never' }],
    )),
    q('housing_access', 'housing_access', { id: 'Apakah Anda punya tempat tinggal yang tetap?', en: 'Do you have a stable place to live?' }, scale(
      ['no', { id: 'Tidak', en: 'No' }],
      ['temporary', { id: 'Menumpang atau sementara', en: 'Staying with others, or temporary' }],
      ['yes', { id: 'Ya', en: 'Yes' }],
    )),
    q('housing_standard', 'housing_standard', { id: 'Bagaimana keadaan tempat tinggal Anda?', en: 'What condition is your home in?' }, scale(
      ['poor', { id: 'Buruk', en: 'Poor' }],
      ['fair', { id: 'Cukup', en: 'Fair' }],
      ['good', { id: 'Baik', en: 'Good' }],
    )),
    q('health_care', 'health_care', { id: 'Jika sakit, dapatkah Anda berobat ke puskesmas atau rumah sakit?', en: 'When you are ill, can you get treatment at a health centre or hospital?' }, scale(
      ['no', { id: 'Tidak', en: 'No' }],
      ['with_difficulty', { id: 'Bisa, tetapi sulit', en: 'Yes, with difficulty' }],
      ['yes', { id: 'Ya', en: 'Yes' }],
    )),
    q('documents', 'documents', { id: 'Apakah Anda punya KTP dan dokumen kependudukan yang Anda perlukan?', en: 'Do you have your identity card and the civil documents you need?' }, scale(
      ['none', { id: 'Tidak ada', en: 'None' }],
      ['some', { id: 'Sebagian', en: 'Some' }],
      ['all', { id: 'Semua', en: 'All' }],
    )),
    // Not asked where there are no children of school age: an unanswered question does not count.
    q('children_in_school', 'education', { id: 'Apakah anak-anak usia sekolah di keluarga Anda bersekolah?', en: 'Do the school-age children in your household go to school?' }, scale(
      ['none', { id: 'Tidak ada yang bersekolah', en: 'None of them' }],
      ['some', { id: 'Sebagian', en: 'Some of them' }],
      ['all', { id: 'Semua', en: 'All of them' }],
    )),
    q('participation', 'participation', { id: 'Seberapa sering Anda ikut kegiatan di masyarakat (pengajian, arisan, kerja bakti)?', en: 'How often do you take part in community activities (prayer groups, savings groups, village work)?' }, scale(
      ['never', { id: 'Tidak pernah', en: 'Never' }],
      ['rarely', { id: 'Jarang', en: 'Rarely' }],
      ['sometimes', { id: 'Kadang-kadang', en: 'Sometimes' }],
      ['often', { id: 'Sering', en: 'Often' }],
    )),
    q('support_network', 'support_network', { id: 'Jika ada masalah, adakah orang yang bisa Anda mintai tolong?', en: 'When you have a problem, is there someone you can ask for help?' }, scale(
      ['nobody', { id: 'Tidak ada', en: 'Nobody' }],
      ['one', { id: 'Satu orang', en: 'One person' }],
      ['several', { id: 'Beberapa orang', en: 'Several people' }],
    )),
    q('belonging', 'belonging', { id: 'Seberapa Anda merasa menjadi bagian dari masyarakat di sini?', en: 'How much do you feel part of the community here?' }, scale(
      ['not_at_all', { id: 'Sama sekali tidak', en: 'Not at all' }],
      ['a_little', { id: 'Sedikit', en: 'A little' }],
      ['mostly', { id: 'Cukup', en: 'Mostly' }],
      ['fully', { id: 'Sepenuhnya', en: 'Fully' }],
    )),
    q('discrimination', 'belonging', { id: 'Apakah Anda diperlakukan berbeda karena pernah bekerja di luar negeri?', en: 'Are you treated differently because you worked abroad?' }, scale(
      ['often', { id: 'Sering', en: 'Often' }],
      ['sometimes', { id: 'Kadang-kadang', en: 'Sometimes' }],
      ['never', { id: 'Tidak pernah', en: 'Never' }],
    )),
    q('distress', 'distress', { id: 'Dua minggu terakhir, seberapa sering Anda merasa sedih, cemas atau sulit tidur?', en: 'In the last two weeks, how often have you felt sad, anxious or unable to sleep?' }, scale(
      ['most_days', { id: 'Hampir setiap hari', en: 'Most days' }],
      ['several_days', { id: 'Beberapa hari', en: 'Several days' }],
      ['rarely', { id: 'Jarang', en: 'Rarely' }],
      ['never', { id: 'Tidak pernah', en: 'Never' }],
    )),
    q('safety', 'safety', { id: 'Apakah Anda merasa aman di tempat tinggal Anda sekarang?', en: 'Do you feel safe where you live now?' }, scale(
      ['no', { id: 'Tidak', en: 'No' }],
      ['mostly', { id: 'Sebagian besar waktu', en: 'Most of the time' }],
      ['yes', { id: 'Ya', en: 'Yes' }],
    )),
  ],
  composite: { kind: 'weighted_mean', weights: { economic: 1, social: 1, psychosocial: 1 } },
  minimumAnswered: 0.5,
};

export const defaultModel: SustainabilityModel = modelSchema.parse(input);
