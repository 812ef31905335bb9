// Indonesian names by cultural group, as they appear in migrant-worker and returnee records:
// many Javanese have one name only; Muslim names take Muhammad/Ahmad/Abdul for men and
// Siti/Nur for women; Batak and Christian names from North Sumatra and NTT carry a clan or family
// name; Balinese names start with I/Ni and a birth-order name; Sasak nobility use Lalu/Baiq,
// Bugis nobility Andi. Every name built here is invented from common parts; none is meant to be a
// real person.
import type { Rng } from './prng.js';

export type Sex = 'female' | 'male';
export type NameGroup =
  | 'javanese'
  | 'sundanese'
  | 'madurese'
  | 'muslim'
  | 'sasak'
  | 'batak'
  | 'mandailing'
  | 'balinese'
  | 'bugis'
  | 'ntt'
  | 'minang'
  | 'chinese_indonesian';

const w = (s: string) => s.split(/\s*,\s*/);

const javanese = {
  female: w('Sutarni, Suwarni, Sumiati, Sulastri, Wartini, Tumini, Painem, Lestari, Sundari, Yuliani, Suparmi, Karsinah, Rusmini, Ngatini, Parmi, Sarmi, Sukesih, Kasiyem, Purwanti, Kusmiati, Mujiati, Winarti, Sumarni, Darmini, Saminah, Ponirah, Warsini, Sartini, Suyatmi, Tarsih, Rumiyati, Wagiyem, Suprapti, Sumini, Kartini, Endang, Rina, Ratna, Yuli, Susi, Eni, Wiwik, Ani, Retno, Indah, Ayu, Dyah, Erna, Tutik, Umi, Murni, Marsini, Rasmi, Jumiati, Kasmini'),
  male: w('Sutrisno, Suparman, Slamet, Bambang, Joko, Agus, Budi, Eko, Heru, Wahyudi, Sugiarto, Supriyadi, Darmanto, Sukardi, Tukiman, Paiman, Wagiman, Sarwono, Suyanto, Purnomo, Hadi, Teguh, Widodo, Yanto, Sugeng, Bayu, Priyo, Sumarno, Kasno, Tarno, Warsito, Sunarto, Mulyono, Santoso, Sriyono, Darsono, Gunawan, Hartono, Tri, Dwi, Rudi, Anton, Wawan, Didik, Edi, Sarjono, Parno, Karyono'),
  secondFemale: w('Wahyuni, Rahayu, Lestari, Handayani, Kurniasih, Purnamasari, Wulandari, Ningsih, Susilowati, Astuti, Utami, Rahmawati, Fitriani, Susanti, Sari, Yuliati, Setyaningsih, Wahyuningsih, Suryani, Puspitasari, Anggraini, Widyaningsih, Mulyani, Pratiwi, Hartini, Indrawati'),
  secondMale: w('Santoso, Prasetyo, Wibowo, Susanto, Hartono, Setiawan, Nugroho, Saputro, Kurniawan, Purwanto, Hidayat, Wijaya, Sutrisno, Prabowo, Hermanto, Suryanto, Riyadi, Raharjo, Utomo, Haryanto, Sulistyo, Pamungkas, Wicaksono, Firmansyah'),
  firstPrefix: w('Sri, Tri, Dwi, Eka, Endang, Siti, Puji, Dewi, Wiji, Nur'),
};

const sundanese = {
  female: w('Euis, Iis, Neneng, Enok, Cucu, Entin, Imas, Yati, Nining, Tati, Ai, Eneng, Lilis, Yayah, Popon, Nunung, Titin, Eti, Empat, Onah, Enah, Ikah, Icih, Ade, Yeni, Rina, Wiwin, Nia, Elis, Heni, Ela, Eti, Iyah, Dedeh, Kokom, Cicih'),
  male: w('Asep, Ujang, Dede, Cecep, Dadang, Ade, Encep, Ayi, Deden, Endang, Jajang, Aep, Iwan, Yayan, Odang, Dadan, Ohim, Uus, Engkos, Agus, Hendra, Yana, Ruhiyat, Wawan, Didin, Enjang, Ikin, Udin'),
  secondFemale: w('Rohaeni, Hasanah, Masitoh, Suryani, Rokayah, Sumiati, Kurniasih, Nurhayati, Komariah, Rohmah, Maryati, Juariah, Halimah, Jubaedah, Aisah, Mulyani, Nuraeni, Rostika, Sopiah, Saadah, Aryani, Setiawati'),
  secondMale: w('Sunarya, Supriatna, Hidayat, Permana, Kusnadi, Saepudin, Setiadi, Rustandi, Mulyana, Sopian, Gunawan, Suherman, Hermawan, Ruhimat, Sukmana, Nurjaman, Somantri, Sudrajat, Kurnia, Rohmat, Maulana, Firmansyah'),
};

const muslim = {
  female: w('Aminah, Fatimah, Khodijah, Aisyah, Zainab, Maryam, Halimah, Hasanah, Rohmah, Masruroh, Nurjanah, Munawaroh, Juwariyah, Umi Kulsum, Mutmainah, Sholihah, Rofiah, Zulaikha, Musyarofah, Latifah, Nafisah, Insiyah, Qomariyah, Maimunah, Hamidah, Faridah, Rukayah, Sa\'diyah, Jamilah, Salamah'),
  male: w('Rizki, Fauzan, Fauzi, Ilham, Yusuf, Syarif, Hasan, Husein, Ismail, Ibrahim, Syamsul Arifin, Zainal Abidin, Mustofa, Khoirul Anam, Imam Syafii, Rohman, Fathurrohman, Sholeh, Saiful, Ridwan, Arifin, Lukman Hakim, Nasrullah, Hamdani, Zainuri, Mahfud, Taufik, Hidayatullah, Ma\'ruf, Anwar, Hasyim, Wahid'),
  femaleNur: w('Haliza, Hayati, Aini, Hidayah, Janah, Laila, Azizah, Fadilah, Khasanah, Ain, Asiyah, Hasanah, Afni, Lela, Kholifah'),
  maleNur: w('Hadi, Rohman, Cholis, Salim, Iman, Huda, Kholis, Hasan, Ikhsan, Alim'),
  afterMuhammad: w('Rizki, Fauzan, Ilham, Yusuf, Ali, Hasan, Ridwan, Arif, Iqbal, Faisal, Amin, Syaiful, Nur, Lutfi, Ikhsan, Zaki, Firdaus, Hafiz, Sholeh, Mansur, Anwar, Ma\'ruf'),
  afterAbdul: w('Rahman, Aziz, Rohim, Malik, Ghofur, Karim, Wahab, Majid, Latif, Halim, Kadir, Somad, Jalil, Hamid'),
};

const muslimSecondFemale = w('Azizah, Rahmawati, Fitriani, Nurjanah, Ulfa, Hidayati, Mahmudah, Khoiriyah, Maulidia, Rohmawati, Wahyuningsih, Lestari, Handayani, Safitri, Amalia, Zahro, Fauziah, Mufidah, Muthoharoh, Istiqomah, Ni\'mah, Rosyidah, Sholihah, Ardiyanti, Kurniawati, Puspitasari, Hasanah, Marfuah, Sulistyowati, Anggraeni, Izzati, Mardhiyah, Khusnul, Nuraini, Arifah, Kholidah');
const muslimSecondMale = w('Hidayat, Ramadhan, Maulana, Syahputra, Firmansyah, Hakim, Rosyidi, Fauzi, Mubarok, Habibi, Asyari, Ghozali, Bahtiar, Kurniawan, Setiawan, Saputra, Prasetyo, Nugroho, Hamdani, Ma\'arif, Zuhri, Mahmudi, Anshori, Rifa\'i, Syafi\'i, Muttaqin, Sodiq, Hasbullah, Abidin, Arifin, Rizal, Ikhwan, Marzuki, Sofyan, Zakaria, Junaidi, Fathoni, Kholil');

const madurese = {
  female: w('Sutiyah, Maimunah, Hamidah, Rusmiyati, Marlina, Suhriyah, Mistiya, Juma\'ati, Sunaryah, Hosniyah, Asiya, Murniyati, Sumiyati, Fatimah, Nuriyah, Matsuna, Hasanah, Siti Romlah, Siti Aminah'),
  male: w('Sumo, Matrawi, Sahri, Busiri, Holil, Sanawi, Atmo, Hosnan, Marsuki, Sahrul, Mat Sahri, Abd. Rahman, Moh. Hasan, Mad Soleh, Samsul, Sudarso, Juhairi, Matsari, Rasid, Murtadho, Fathor, Salehodin, Nasir'),
};

const sasak = {
  female: w('Inaq Sahnun, Mariati, Rohaniah, Sanah, Nurhasanah, Hairiah, Saniah, Rahmah, Raehan, Suriani, Hulaimi, Misnah, Sumiati, Nurul Aini, Marni, Kurniati, Jumratul Aini, Husnul Hotimah, Sahrun Nisa, Mahnun, Ramlah, Hadijah'),
  male: w('Zulkifli, Sahnan, Hairul, Suhaimi, Sahabudin, Jumaidi, Ruslan, Amaq Sahnun, Mahsun, Saprudin, Muhamad Zaini, Rusdi, Hamzan, Sapardi, Lukmanul Hakim, Ahmad Zaini, Subhan, Mursidin, Samsudin, Halidi, Abdul Hafiz, Juanda, Hasanudin, Sarapudin'),
  nobleFemale: 'Baiq',
  nobleMale: 'Lalu',
};

const batak = {
  surnames: w('Siregar, Simanjuntak, Sitompul, Hutapea, Sinaga, Situmorang, Pardede, Manurung, Simatupang, Panjaitan, Sihombing, Tampubolon, Nainggolan, Simbolon, Sitorus, Hutagalung, Sianturi, Gultom, Silalahi, Marpaung, Pasaribu, Napitupulu, Hutabarat, Purba, Saragih, Damanik, Ginting, Tarigan, Sembiring, Lumbantobing'),
  female: w('Rosmawati, Lamria, Tiurma, Rotua, Dame, Maria, Elisabeth, Ester, Nurmala, Friska, Sarma, Rosdiana, Lasma, Tiominar, Rosita, Hotnida, Melati, Intan, Rumondang, Romauli, Debora, Juli, Rini, Masniari, Lenny, Herlina, Mery, Yanti'),
  male: w('Jonathan, Roy, Hotman, Parlindungan, Togar, Ronald, Daniel, Samuel, Benny, Maruli, Hendra, Rudi, Jhon, Poltak, Binsar, Marojahan, Hotma, Tumpal, Bonar, Martua, Robert, Sahat, Dedi, Frans, Jefri, Riswan, Sabar, Andreas'),
};

const mandailing = {
  surnames: w('Nasution, Lubis, Harahap, Daulay, Rangkuti, Batubara, Pulungan, Hasibuan, Tanjung, Matondang, Siregar, Dalimunthe'),
};

const balinese = {
  birthOrderMale: w('Wayan, Putu, Gede, Made, Kadek, Nengah, Nyoman, Komang, Ketut'),
  birthOrderFemale: w('Wayan, Putu, Luh, Made, Kadek, Nengah, Nyoman, Komang, Ketut'),
  male: w('Agus, Bagus, Sudarsana, Suardana, Artawan, Sukadana, Mahendra, Wirawan, Adi Putra, Budiarta, Sukarta, Suparta, Arsana, Mertayasa, Wiradana, Darmawan, Suarjana, Sutama, Astawa, Ariawan, Widiana, Sudiarta, Rai, Kariasa, Sumerta'),
  female: w('Ayu, Sri, Suciani, Wartini, Sukerti, Ariani, Yuliani, Anggreni, Astiti, Mertasari, Sriasih, Suarni, Sukarmi, Wiryani, Rasmini, Sukarini, Kartini, Sudiani, Wahyuni, Darmini, Purnamawati, Antari, Sri Wahyuni, Ayu Lestari'),
};

const bugis = {
  female: w('Hasnah, Hasnawati, Nurhayati, Sitti Rahma, Murni, Rosmiati, Hasmiah, Hadijah, Sanawiah, Sitti Aisyah, Rahmawati, Jumriati, Nurlela, Hamsiah, Hasmawati, Nurbaya, Sitti Hajar, Rismawati, Marhani, Syamsiah, Nurhaeda, Mardiana, Haslinda, Hasriani'),
  male: w('Baharuddin, Syamsuddin, Jamaluddin, Syahrir, Asri, Arifin, Rustam, Sudirman, Ambo Dalle, Ambo Tang, Muhammad Arsyad, Abdul Rahman, Nurdin, Sahabuddin, Kamaruddin, Hasanuddin, Saharuddin, Amiruddin, Muhammad Ali, Husain, Sukri, Tajuddin, Mustari, Burhanuddin'),
  noble: 'Andi',
};

const ntt = {
  female: w('Maria, Yuliana, Agustina, Margaretha, Fransiska, Yohana, Adriana, Martha, Theresia, Veronika, Elisabeth, Magdalena, Florentina, Yasinta, Agnes, Marselina, Yosefina, Kristina, Oktaviana, Imelda, Maria Goreti, Serlina, Aplonia, Dorkas, Ribka, Selfina'),
  male: w('Yohanes, Yosef, Petrus, Paulus, Fransiskus, Antonius, Marthen, Yakobus, Agustinus, Stefanus, Dominikus, Kornelis, Benediktus, Alfonsus, Yeremias, Mikael, Aleksander, Simon, Matius, Yulius, Rofinus, Arnoldus, Bernadus, Melkianus, Obed'),
  surnames: w('Manek, Seran, Bria, Tefa, Kefi, Nahak, Ndun, Lake, Laka, Bere, Taek, Fallo, Benu, Sabu, Tae, Luan, Nenabu, Sinlae, Neno, Kase, Ratu, Wolo, Dhae, Laga, Ama, Tanggu, Djawa, Mbete, Tallo, Nitbani, Lopo, Bani, Selan, Kolo, Nubatonis, Tnesi, Liu, Tamelab, Baun, Leu'),
};

const minang = {
  female: w('Yulia Sari, Rini, Elfi, Yusnidar, Desmaniar, Nurmaini, Yusnimar, Erlinda, Rosnita, Elva, Syafrida, Nofrianti, Yeni, Ernawati, Asmaniar, Fitri, Mardiana, Zuraida'),
  male: w('Rahmat, Syafrizal, Afrizal, Nofriadi, Hendri, Yusrizal, Zulfikar, Firdaus, Irwan, Jasman, Darmawi, Syafri, Efendi, Rusli, Yulizar, Masrizal, Zulkarnain, Asril'),
};

const chineseIndonesian = {
  female: w('Lina Wijaya, Susan Halim, Mei Ling, Yuli Tanoto, Lili Gunawan, Siska Hartono, Meliana, Cynthia Salim, Vivian Kurniawan'),
  male: w('Hendra Wijaya, Andi Halim, Budi Tanoto, Rudy Gunawan, Tjandra Salim, Hartono Lim, Johan Susanto, Kevin Tan'),
};

function fromPool(rng: Rng, pool: readonly string[]): string {
  return rng.pick(pool);
}

// Javanese names are built from a small set of parts (Su-par-man, Kar-si-nah, Wa-gi-yem), which is
// why there are so many of them and why they are spelled so many ways. Building them from parts
// gives the long tail a list of a few dozen cannot.
const jvOnsets = w('Su, Sa, Wa, Ka, Pa, Tu, Ma, Da, Ra, Ju, Ru, Pu, Wi, Ku, Mu, Sri, Ti, Ja, Ha, Ya, La, Ngadi, Sum, Sar, War, Kar, Par, Tar, Mar, Dar, Ras, Kas, Jum, Rus, Kus, Mis, Pon, Tum, Sup, Sut, Suw, Suk, Suy, Sug, Sud, Wag, Muj, Pur, Win, Ngat, Pai, Sai, Tuk, Kad, Sal, Slam, Prap, Sutr');
const jvMiddles = w(', , , ti, mi, ni, ri, si, wi, ya, ka, pa, ra, ma, la, sa, na, ta, ja, wa, gi, di, li, ji');
const jvFemaleEnds = w('ni, mi, ti, yati, yem, nah, iyah, ini, inem, asih, esih, wati, yani, rni, atun, iyem, tini, rsih, ijah, un, ah, ani, ati, ningsih, rti, em');
const jvMaleEnds = w('no, to, man, di, yanto, yono, ardi, min, jo, mat, ran, wanto, yadi, ji, wan, yo, nto, so, pan, rdi, ri, jan, kun, tono, ono, ijo, ikin, ari, adi, anto');

function javaneseSingle(rng: Rng, female: boolean): string {
  // Half from the list of very common names, half built from parts.
  if (rng.chance(0.45)) return fromPool(rng, female ? javanese.female : javanese.male);
  const onset = fromPool(rng, jvOnsets);
  const middle = fromPool(rng, jvMiddles);
  let end = fromPool(rng, female ? jvFemaleEnds : jvMaleEnds);
  // Two vowels meeting across parts read badly (Suayem): let a consonant carry the ending.
  if (/[aeiou]$/.test(onset + middle) && /^[aeiou]/.test(end)) end = (female ? 'r' : 'n') + end;
  if (!/[aeiou]$/.test(onset + middle) && !/^[aeiou]/.test(end) && !middle) end = (female ? 'i' : 'a') + end;
  return onset + middle + end;
}

/** A full name as the person would write it on a form, for the given cultural group and sex. */
export function makeName(rng: Rng, group: NameGroup, sex: Sex, age: number): string {
  const f = sex === 'female';
  switch (group) {
    case 'javanese': {
      // Older Javanese in particular often have one name only.
      const single = rng.chance(age >= 35 ? 0.55 : 0.3);
      if (single) return javaneseSingle(rng, f);
      if (rng.chance(0.25)) {
        const first = fromPool(rng, f ? javanese.firstPrefix : ['Tri', 'Dwi', 'Eko', 'Agus', 'Budi', 'Joko', 'Nur']);
        return `${first} ${fromPool(rng, f ? javanese.secondFemale : javanese.secondMale)}`;
      }
      const first = rng.chance(0.5) ? javaneseSingle(rng, f) : fromPool(rng, f ? javanese.female : javanese.male);
      const second = fromPool(rng, f ? javanese.secondFemale : javanese.secondMale);
      if (rng.chance(0.12)) return `${first} ${fromPool(rng, f ? javanese.secondFemale : javanese.secondMale)} ${second}`;
      return first === second ? first : `${first} ${second}`;
    }
    case 'sundanese': {
      if (rng.chance(0.15)) return fromPool(rng, f ? sundanese.female : sundanese.male);
      const first = fromPool(rng, f ? sundanese.female : sundanese.male);
      return `${first} ${fromPool(rng, f ? sundanese.secondFemale : sundanese.secondMale)}`;
    }
    case 'madurese':
      return rng.chance(0.4) ? makeName(rng, 'muslim', sex, age) : fromPool(rng, f ? madurese.female : madurese.male);
    case 'muslim': {
      if (f) {
        const r = rng.next();
        if (r < 0.3) {
          const base = `Siti ${fromPool(rng, muslim.female)}`;
          return rng.chance(0.45) ? `${base} ${fromPool(rng, muslimSecondFemale)}` : base;
        }
        if (r < 0.5) {
          const rest = fromPool(rng, muslim.femaleNur);
          // Written joined or apart; both are common (Nurhaliza, Nur Haliza).
          return rng.chance(0.5) ? `Nur${rest.toLowerCase()}` : `Nur ${rest}`;
        }
        if (r < 0.58) return `Nurul ${fromPool(rng, ['Hidayah', 'Aini', 'Fitri', 'Huda', 'Qomariyah', 'Izzah', ...muslimSecondFemale])}`;
        if (r < 0.7) return fromPool(rng, muslim.female);
        return `${fromPool(rng, muslim.female)} ${fromPool(rng, muslimSecondFemale)}`;
      }
      const r = rng.next();
      if (r < 0.35) {
        const name = `Muhammad ${fromPool(rng, muslim.afterMuhammad)}`;
        return rng.chance(0.5) ? `${name} ${fromPool(rng, muslimSecondMale)}` : name;
      }
      if (r < 0.5) return `Ahmad ${fromPool(rng, muslim.afterMuhammad)}${rng.chance(0.4) ? ` ${fromPool(rng, muslimSecondMale)}` : ''}`;
      if (r < 0.6) return `Abdul ${fromPool(rng, muslim.afterAbdul)}${rng.chance(0.3) ? ` ${fromPool(rng, muslimSecondMale)}` : ''}`;
      if (r < 0.68) return `Nur ${fromPool(rng, muslim.maleNur)}`;
      return rng.chance(0.5) ? `${fromPool(rng, muslim.male)} ${fromPool(rng, muslimSecondMale)}` : fromPool(rng, muslim.male);
    }
    case 'sasak': {
      const noble = rng.chance(0.12);
      const local = fromPool(rng, f ? sasak.female : sasak.male);
      const base = rng.chance(0.35) ? makeName(rng, 'muslim', sex, age) : rng.chance(0.4) && !local.includes(' ') ? `${local} ${fromPool(rng, f ? muslimSecondFemale : muslimSecondMale)}` : local;
      return noble ? `${f ? sasak.nobleFemale : sasak.nobleMale} ${base.replace(/^(Inaq|Amaq) /, '')}` : base;
    }
    case 'batak': {
      const surname = fromPool(rng, batak.surnames);
      const first = fromPool(rng, f ? batak.female : batak.male);
      // Married women sometimes write "br." (boru, daughter of) before the clan name.
      if (f && rng.chance(0.2)) return `${first} br. ${surname}`;
      return `${first} ${surname}`;
    }
    case 'mandailing': {
      const first = makeName(rng, 'muslim', sex, age);
      return `${first.split(' ').slice(0, 2).join(' ')} ${fromPool(rng, mandailing.surnames)}`;
    }
    case 'balinese': {
      const marker = f ? 'Ni' : 'I';
      const order = fromPool(rng, f ? balinese.birthOrderFemale : balinese.birthOrderMale);
      const given = fromPool(rng, f ? balinese.female : balinese.male);
      // "Ni Luh" and "Ni Made Ayu" are common; some drop the marker in daily use.
      const middle = f && order !== 'Luh' && rng.chance(0.25) ? ' Ayu' : '';
      return `${marker} ${order}${middle} ${given}`.replace(/Ayu Ayu/, 'Ayu');
    }
    case 'bugis': {
      const base = rng.chance(0.25) ? makeName(rng, 'muslim', sex, age).replace(/^Siti /, 'Sitti ') : fromPool(rng, f ? bugis.female : bugis.male);
      return rng.chance(0.1) ? `${bugis.noble} ${base}` : base;
    }
    case 'ntt': {
      const first = fromPool(rng, f ? ntt.female : ntt.male);
      const second = rng.chance(0.25) ? ` ${fromPool(rng, f ? ntt.female : ntt.male)}` : '';
      return first.includes(second.trim()) && second ? `${first} ${fromPool(rng, ntt.surnames)}` : `${first}${second} ${fromPool(rng, ntt.surnames)}`;
    }
    case 'minang':
      return rng.chance(0.3) ? makeName(rng, 'muslim', sex, age) : fromPool(rng, f ? minang.female : minang.male);
    case 'chinese_indonesian':
      return fromPool(rng, f ? chineseIndonesian.female : chineseIndonesian.male);
  }
}

/** Cultural groups by home province (shares within the province). */
export const groupsByProvince: Record<string, readonly (readonly [NameGroup, number])[]> = {
  '35': [['javanese', 62], ['muslim', 22], ['madurese', 14], ['chinese_indonesian', 2]],
  '33': [['javanese', 75], ['muslim', 23], ['chinese_indonesian', 2]],
  '34': [['javanese', 80], ['muslim', 18], ['chinese_indonesian', 2]],
  '32': [['sundanese', 68], ['muslim', 27], ['javanese', 5]],
  '36': [['sundanese', 40], ['muslim', 45], ['javanese', 15]],
  '31': [['muslim', 45], ['javanese', 25], ['sundanese', 10], ['batak', 8], ['chinese_indonesian', 7], ['minang', 5]],
  '52': [['sasak', 80], ['muslim', 15], ['balinese', 5]],
  '53': [['ntt', 92], ['muslim', 8]],
  '18': [['javanese', 55], ['muslim', 35], ['sundanese', 10]],
  '12': [['batak', 55], ['mandailing', 20], ['javanese', 15], ['muslim', 10]],
  '51': [['balinese', 90], ['javanese', 5], ['muslim', 5]],
  '73': [['bugis', 85], ['muslim', 10], ['ntt', 5]],
  '74': [['bugis', 60], ['muslim', 40]],
  '76': [['bugis', 70], ['muslim', 30]],
  '65': [['bugis', 40], ['muslim', 25], ['ntt', 20], ['javanese', 15]],
  '61': [['muslim', 45], ['ntt', 20], ['javanese', 20], ['chinese_indonesian', 15]],
  '21': [['muslim', 50], ['javanese', 20], ['batak', 20], ['minang', 10]],
  '13': [['minang', 90], ['muslim', 10]],
  '11': [['muslim', 95], ['javanese', 5]],
  '16': [['muslim', 60], ['javanese', 40]],
};

const defaultGroups: readonly (readonly [NameGroup, number])[] = [['muslim', 70], ['javanese', 20], ['ntt', 10]];

export function groupOf(rng: Rng, provinceCode: string): NameGroup {
  return rng.weighted(groupsByProvince[provinceCode] ?? defaultGroups);
}

/** Regional languages spoken at home, by group (ISO 639 codes). */
export const homeLanguages: Record<NameGroup, string[]> = {
  javanese: ['jv'],
  sundanese: ['su'],
  madurese: ['mad'],
  muslim: [],
  sasak: ['sas'],
  batak: ['btk'],
  mandailing: ['btk'],
  balinese: ['ban'],
  bugis: ['bug'],
  ntt: [],
  minang: ['min'],
  chinese_indonesian: [],
};

/** Relatives' given names for emergency contacts. */
export function makeRelativeName(rng: Rng, group: NameGroup, age: number): string {
  return makeName(rng, group, rng.chance(0.5) ? 'female' : 'male', age);
}
