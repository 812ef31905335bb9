// Unit tests of name normalisation and comparison and of birth-date comparison. Every name here
// is invented for the test (common Indonesian given names put together), not a real person.
import { describe, expect, it } from 'vitest';
import { compareBirthDates, compareNames, normaliseName } from './names.js';
import { jaro, jaroWinkler, osaDistance } from './string-distance.js';

// Thresholds the duplicate panel relies on (see the calibration comment in names.ts):
const TRUE_VARIANT = 0.85; // true variants of one name score at least this
const NON_MATCH = 0.5; // different people's names score at most this

describe('string distances', () => {
  it.each([
    ['setiawan', 'setiawan', 0],
    ['setiawan', 'setiawn', 1], // deletion
    ['setiawan', 'settiawan', 1], // insertion
    ['setiawan', 'setiawam', 1], // substitution
    ['setiawan', 'setaiwan', 1], // adjacent transposition
    ['', 'abc', 3],
    ['abc', '', 3],
    ['budi', 'bambang', 6],
  ])('osaDistance(%s, %s) = %i', (a, b, d) => {
    expect(osaDistance(a, b)).toBe(d);
    expect(osaDistance(b, a)).toBe(d);
  });

  it('computes Jaro and Jaro-Winkler like the reference examples', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('normaliseName', () => {
  it('folds case, accents and punctuation', () => {
    expect(normaliseName("  SITI  Nurhalizá ")).toMatchObject({ tokens: ['siti', 'nurhaliza'], joined: 'sitinurhaliza' });
    expect(normaliseName("Ma'ruf Hidayat").tokens).toEqual(['maruf', 'hidayat']);
    expect(normaliseName('Nur-Aini (Ani)').tokens).toEqual(['nur', 'aini', 'ani']);
  });

  it.each([
    ['Hj. Sri Wahyuni, S.Pd.', ['sri', 'wahyuni'], ['hj', 'spd']],
    ['H. Ahmad Fauzi', ['ahmad', 'fauzi'], ['h']],
    ['Prof. Dr. Ir. H. Bambang Hartono, M.Sc.', ['bambang', 'hartono'], ['prof', 'dr', 'ir', 'h', 'msc']],
    ['Drs. Sutrisno', ['sutrisno'], ['drs']],
    ['Bapak Hendra Gunawan', ['hendra', 'gunawan'], ['bapak']],
    ['Bpk. Hendra Gunawan', ['hendra', 'gunawan'], ['bpk']],
    ['Pak Hendra', ['hendra'], ['pak']],
    ['Ibu Ratna Sari', ['ratna', 'sari'], ['ibu']],
    ['Bu Ratna', ['ratna'], ['bu']],
    ['Sdr. Yoga Pratama', ['yoga', 'pratama'], ['sdr']],
    ['Sdri. Maya Anggraini', ['maya', 'angraini'], ['sdri']], // double letters collapse,
    ['Nn. Fitri Handayani', ['fitri', 'handayani'], ['nn']],
    ['Ny. Lestari Wulandari', ['lestari', 'wulandari'], ['ny']],
    ['Tn. Rudi Hartanto', ['rudi', 'hartanto'], ['tn']],
    ['Raden Bagus Santoso', ['bagus', 'santoso'], ['raden']],
    ['R. Bagus Santoso', ['bagus', 'santoso'], ['r']],
    ['R.M. Bagus Santoso', ['bagus', 'santoso'], ['rm']],
    ['Kyai Haji Abdul Rahman', ['abdul', 'rahman'], ['kyai', 'haji']],
    ['K.H. Abdul Rahman', ['abdul', 'rahman'], ['kh']],
    ['Ustadz Faisal Hakim', ['faisal', 'hakim'], ['ustadz']],
    ['Dr. Indah Permata, S.H., M.H.', ['indah', 'permata'], ['dr', 'sh', 'mh']],
    ['Rina Kurniawati S.Kom', ['rina', 'kurniawati'], ['skom']],
    ['Rina Kurniawati SE', ['rina', 'kurniawati'], ['se']],
    ['Hj.Sri Wahyuni', ['sri', 'wahyuni'], ['hj']],
  ])('drops titles: %s', (input, tokens, titles) => {
    expect(normaliseName(input)).toMatchObject({ tokens, titles });
  });

  it('keeps an honorific-looking word when it is the whole name', () => {
    expect(normaliseName('Haji').tokens).toEqual(['haji']);
    expect(normaliseName('R.').tokens).toEqual(['r']);
  });

  it('treats R. and H. inside a name as initials, not titles', () => {
    expect(normaliseName('Agus R. Setiawan').tokens).toEqual(['agus', 'r', 'setiawan']);
    expect(normaliseName('Ahmad H.').tokens).toEqual(['ahmad', 'h']);
  });

  it('drops "Ray" only when written as the abbreviation R.Ay.', () => {
    expect(normaliseName('Ray Pratama').tokens).toEqual(['ray', 'pratama']);
  });

  it('keeps a later comma segment that is a name, not degrees', () => {
    expect(normaliseName('Wahyuni, Sri').tokens).toEqual(['wahyuni', 'sri']);
  });

  it('drops patronymic connectors', () => {
    expect(normaliseName('Ahmad bin Yusuf').tokens).toEqual(['ahmad', 'yusuf']);
    expect(normaliseName('Aisyah binti Hasan').tokens).toEqual(['aisyah', 'hasan']);
  });

  it.each([
    ['Muhammad'],
    ['Mohammad'],
    ['Mohamad'],
    ['Muhamad'],
    ['Mochammad'],
    ['Mochamad'],
    ['Mohd'],
    ['Moh.'],
    ['Muh.'],
    ['Mhd.'],
  ])('maps %s to muhammad', (spelling) => {
    expect(normaliseName(`${spelling} Iqbal`).tokens).toEqual(['muhammad', 'ikbal']);
  });

  it('maps a leading M. to muhammad but keeps a later M as an initial', () => {
    expect(normaliseName('M. Iqbal').tokens).toEqual(['muhammad', 'ikbal']);
    expect(normaliseName('M Iqbal').tokens).toEqual(['muhammad', 'ikbal']);
    expect(normaliseName('M.Iqbal').tokens).toEqual(['muhammad', 'ikbal']);
    expect(normaliseName('Iqbal M.').tokens).toEqual(['ikbal', 'm']);
    expect(normaliseName('M').tokens).toEqual(['m']);
  });

  it.each([
    ['Achmad', 'ahmad'],
    ['Akhmad', 'ahmad'],
    ['Ahmat', 'ahmad'],
    ['Abdoel', 'abdul'],
    ['Sitti', 'siti'],
    ['Noor', 'nur'],
    ['Noer', 'nur'],
    ['Nurul', 'nur'],
    ['Soekarni', 'sukarni'],
    ['Djoko', 'joko'],
    ['Tjahja', 'cahja'],
    ['Sjamsul', 'syamsul'],
    ['Chairul', 'khairul'],
    ['Rizky', 'rizki'],
    ['Rizqi', 'rizki'],
    ['Taufiq', 'taufik'],
    ['Ramadhan', 'ramadan'],
    ['Fathur', 'fatur'],
    ['Yohanna', 'yohana'],
  ])('spells %s canonically as %s', (input, canon) => {
    expect(normaliseName(input).tokens).toEqual([canon]);
  });

  it('gives one blocking key to variants, word orders and titles', () => {
    const key = normaliseName('Wahyu Hidayat').key;
    expect(key).toBe('hidayat wahyu');
    for (const v of ['Hidayat Wahyu', 'H. Wahyu Hidayat', 'WAHYU HIDAYAT, S.T.', 'Wahju Hidajat']) {
      expect(normaliseName(v).key, v).toBe(key);
    }
    expect(normaliseName('Jusuf Kurniawan').key).toBe(normaliseName('Yusuf Kurniawan').key);
    expect(normaliseName('Mochammad Chairul').key).toBe(normaliseName('Muhammad Hairul').key);
    expect(normaliseName('Siti Aminah').key).not.toBe(normaliseName('Siti Rahayu').key);
  });

  it('returns empty results for an empty or title-less name', () => {
    expect(normaliseName('')).toEqual({ tokens: [], joined: '', key: '', titles: [] });
    expect(normaliseName(' ., ').tokens).toEqual([]);
  });
});

describe('compareNames', () => {
  // True variants of one person's name: each must score ≥ TRUE_VARIANT, with the reason shown.
  it.each([
    ['Siti Nurhaliza', 'Siti Nur Haliza', 'joined_or_split'],
    ['Siti Nurhaliza', 'Siti Nurul Haliza', 'joined_or_split'],
    ['Nurhaliza', 'Nur Haliza', 'joined_or_split'],
    ['Abdullah Fikri', 'Abdul Lah Fikri', 'joined_or_split'],
    ['Muhammad Rizki Pratama', 'M. Rizky Pratama', 'variant_spelling'],
    ['Muhammad Rizki Pratama', 'Mohammad Rizki Pratama', 'variant_spelling'],
    ['Mochamad Fauzan', 'Muhammad Fauzan', 'variant_spelling'],
    ['Moh. Fauzan', 'Muhamad Fauzan', 'variant_spelling'],
    ['Achmad Syaiful', 'Ahmad Saiful', 'typo'],
    ['Hj. Sri Wahyuni, S.Pd.', 'Sri Wahyuni', 'title_removed'],
    ['Ibu Ratna Sari', 'Ratna Sari', 'title_removed'],
    ['Dewi Lestari Putri', 'Dewi Putri', 'missing_middle_name'],
    ['Eko Budi Prasetyo', 'Eko Prasetyo', 'missing_middle_name'],
    ['Djoko Susilo', 'Joko Susilo', 'variant_spelling'],
    ['Soeparman Hadi', 'Suparman Hadi', 'variant_spelling'],
    ['Jusuf Kurniawan', 'Yusuf Kurniawan', 'variant_spelling'],
    ['Tjahjo Nugroho', 'Cahyo Nugroho', 'variant_spelling'],
    ['Chandra Wijaya', 'Candra Wijaya', 'variant_spelling'],
    ['Khairul Anwar', 'Hairul Anwar', 'variant_spelling'],
    ['Siti Aminah', 'Sitti Amina', 'variant_spelling'],
    ['Wahyu Hidayat', 'Hidayat Wahyu', 'word_order'],
    ['Rahmawati Yuliana', 'Yuliana Rahmawati', 'word_order'],
    ['Agus Setiawan', 'Agus Setiawn', 'typo'],
    ['Agus Setiawan', 'Agus Setaiwan', 'typo'],
    ['Fitri Handayani', 'Fitri Handayanni', 'variant_spelling'],
    ['Bambang Hartono', 'Bambang Hartnoo', 'typo'],
    ['Kurniasih', 'Kurniasi', 'variant_spelling'],
    ['Sukarmi', 'Sukarni', 'typo'],
    ['Ni Made Ayu Lestari', 'Ni Made Ayu Lestari', 'exact'],
    ['I Wayan Sudarma', 'Wayan Sudarma', 'missing_name'],
    ['A. Rahman Hakim', 'Abdul Rahman Hakim', 'initial'],
    ['Ahmad bin Yusuf', 'Ahmad Yusuf', 'exact'],
    ['Budi Santoso', 'Budi Santosa', 'typo'], // Javanese -o, Sundanese -a: one name
  ])('%s ≈ %s (%s)', (a, b, reason) => {
    const r = compareNames(a, b);
    expect(r.score, JSON.stringify(r)).toBeGreaterThanOrEqual(TRUE_VARIANT);
    expect(r.reasons).toContain(reason);
    // Symmetric, up to rounding.
    expect(compareNames(b, a).score).toBeCloseTo(r.score, 2);
  });

  // Different people: each must score ≤ NON_MATCH.
  it.each([
    ['Siti Aminah', 'Siti Rahayu'],
    ['Budi Santoso', 'Bambang Sutrisno'],
    ['Agus Setiawan', 'Agus Santoso'],
    ['Muhammad Rizki', 'Muhammad Fadli'],
    ['Dewi Lestari Putri', 'Dewi Anggraini Putri'],
    ['Eko Prasetyo', 'Edo Prasetya Wibowo Kusuma'],
    ['Sri Wahyuni', 'Sri Mulyani'],
    ['Ni Made Ayu Lestari', 'Ni Made Sari'],
    ['Rina Kurniawati', 'Dian Permatasari'],
    ['Siti', 'Siti Aminah'],
    ['Ani', 'Ana'],
    ['Hendra Gunawan', 'Hendri Setiadi'],
    ['Yanto Wibowo', 'Yanti Wibowo'], // brother and sister
    ['Susanto Hadi', 'Susanti Hadi'],
    ['Rina Marlina', 'Rini Marlina'],
  ])('%s ≠ %s', (a, b) => {
    const r = compareNames(a, b);
    expect(r.score, JSON.stringify(r)).toBeLessThanOrEqual(NON_MATCH);
    expect(compareNames(b, a).score).toBeCloseTo(r.score, 2);
  });

  it('scores an identical name 1 with reason exact', () => {
    expect(compareNames('Siti Nurhaliza', 'siti nurhaliza')).toEqual({ score: 1, reasons: ['exact'] });
    expect(compareNames('Suparmi', 'SUPARMI')).toEqual({ score: 1, reasons: ['exact'] });
  });

  it('scores a title-only difference 1 and says so', () => {
    expect(compareNames('Hj. Sri Wahyuni, S.Pd.', 'Sri Wahyuni')).toEqual({ score: 1, reasons: ['title_removed'] });
  });

  it('orders the evidence: exact > variant > typo > dropped middle name > unrelated', () => {
    const exact = compareNames('Agus Setiawan', 'Agus Setiawan').score;
    const variant = compareNames('Mohammad Agus Setiawan', 'Muhammad Agus Setiawan').score;
    const typo = compareNames('Agus Setiawan', 'Agus Setiawn').score;
    const missing = compareNames('Agus Budi Setiawan', 'Agus Setiawan').score;
    const unrelated = compareNames('Agus Setiawan', 'Bambang Sutrisno').score;
    expect(exact).toBeGreaterThan(variant);
    expect(variant).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(missing);
    expect(missing).toBeGreaterThan(unrelated);
  });

  it('counts a shared common name (Siti, Muhammad) as weaker evidence than a rare one', () => {
    const common = compareNames('Siti Aminah', 'Siti Rahayu').score;
    const rare = compareNames('Aminah Siti', 'Aminah Rahayu').score;
    expect(rare).toBeGreaterThan(common);
  });

  it('rates a dropped first or last name as plausible but below the true-variant line', () => {
    const r = compareNames('Siti Aminah', 'Aminah');
    expect(r.reasons).toContain('missing_name');
    expect(r.score).toBeGreaterThan(NON_MATCH);
    const r2 = compareNames('Budi Hartono Wibowo', 'Budi');
    expect(r2.score).toBeLessThan(TRUE_VARIANT);
  });

  it('handles single names (common in Indonesia)', () => {
    expect(compareNames('Sukarni', 'Sukarni').score).toBe(1);
    expect(compareNames('Sukarni', 'Soekarni').score).toBeGreaterThanOrEqual(TRUE_VARIANT);
    expect(compareNames('Sukarni', 'Suparmi').score).toBeLessThanOrEqual(NON_MATCH);
  });

  it('reports no common name and an empty side', () => {
    expect(compareNames('Budi Santoso', 'Bambang Sutrisno')).toEqual({ score: 0, reasons: ['no_common_name'] });
    expect(compareNames('', 'Budi')).toEqual({ score: 0, reasons: ['empty'] });
    expect(compareNames('Bapak', '')).toEqual({ score: 0, reasons: ['empty'] });
  });

  it('names a conflict when a name differs', () => {
    expect(compareNames('Siti Aminah', 'Siti Rahayu').reasons).toContain('conflicting_name');
  });

  it('combines several variations and still recognises the person', () => {
    const r = compareNames('H. Moch. Rizky Nur Hidayat, S.Kom.', 'Muhammad Rizki Nurhidayat');
    expect(r.score).toBeGreaterThanOrEqual(TRUE_VARIANT);
    expect(r.reasons).toEqual(expect.arrayContaining(['title_removed', 'variant_spelling', 'joined_or_split']));
  });
});

describe('compareBirthDates', () => {
  it('scores an exact date 1', () => {
    expect(compareBirthDates({ year: 1990, month: 1, day: 14 }, { year: 1990, month: 1, day: 14 })).toEqual({
      score: 1,
      reasons: ['exact'],
    });
  });

  it('recognises day and month swapped', () => {
    const r = compareBirthDates({ year: 1985, month: 3, day: 5 }, { year: 1985, month: 5, day: 3 });
    expect(r.reasons).toEqual(['day_month_swapped']);
    expect(r.score).toBeGreaterThanOrEqual(0.8);
    expect(r.score).toBeLessThan(1);
  });

  it('does not call the same day and month a swap', () => {
    expect(compareBirthDates({ year: 1985, month: 5, day: 5 }, { year: 1985, month: 5, day: 6 }).score).toBe(0);
  });

  it('gives a medium score when only the year is known on one side', () => {
    const r = compareBirthDates({ year: 1992 }, { year: 1992, month: 7, day: 17 });
    expect(r).toEqual({ score: 0.5, reasons: ['year_only'] });
    expect(compareBirthDates({ year: 1992 }, { year: 1992 }).reasons).toEqual(['year_only']);
  });

  it('treats an estimated date as its year only', () => {
    expect(compareBirthDates({ year: 1992, month: 12, day: 31, estimated: true }, { year: 1992, month: 7, day: 17 })).toEqual({
      score: 0.5,
      reasons: ['year_only'],
    });
  });

  it('scores the same year and month with a missing day above year only', () => {
    const r = compareBirthDates({ year: 1992, month: 7 }, { year: 1992, month: 7, day: 17 });
    expect(r.reasons).toEqual(['year_month_only']);
    expect(r.score).toBeGreaterThan(0.5);
    expect(compareBirthDates({ year: 1992, month: 6 }, { year: 1992, month: 7, day: 17 }).score).toBe(0);
  });

  it('gives a lower score to years one apart when one is estimated', () => {
    const r = compareBirthDates({ year: 1991, estimated: true }, { year: 1992, month: 7, day: 17 });
    expect(r.reasons).toEqual(['year_close_estimated']);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(0.5);
    expect(compareBirthDates({ year: 1991 }, { year: 1992 }).score).toBe(0);
    expect(compareBirthDates({ year: 1990, estimated: true }, { year: 1992 }).score).toBe(0);
  });

  it('scores a different date 0 and an unknown year 0 with its own reason', () => {
    expect(compareBirthDates({ year: 1990, month: 1, day: 14 }, { year: 1991, month: 1, day: 14 })).toEqual({
      score: 0,
      reasons: ['different'],
    });
    expect(compareBirthDates({ year: 1990, month: 1, day: 14 }, { year: 1990, month: 2, day: 20 }).score).toBe(0);
    expect(compareBirthDates({}, { year: 1990 })).toEqual({ score: 0, reasons: ['unknown'] });
  });
});
