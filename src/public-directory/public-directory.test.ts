import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import type { Db } from '../platform/db/client.js';
import { addService, uniqueWord, type ServiceFixture } from './test-fixtures.js';

let s: TestServer;
let db: Db;
beforeAll(async () => {
  s = await startServer();
  db = s.database.db;
});
afterAll(() => s?.close());

const get = (path: string, headers: Record<string, string> = {}) => s.client().request('GET', path, undefined, headers);
/** The services listed on a results page, in order. */
const listed = (page: string) => [...page.matchAll(/<h3><a href="\/directory\/services\/([0-9a-f-]{36})(?:\?lang=en)?">([^<]*)<\/a><\/h3>/g)].map((m) => m[2]);
const listedIds = (page: string) => [...page.matchAll(/<h3><a href="\/directory\/services\/([0-9a-f-]{36})/g)].map((m) => m[1]);
const add = (input: ServiceFixture) => addService(db, input);

/** The response as it travels: status, headers and the body's bytes (gzipped when asked). */
function wire(path: string, gzip = true): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${s.url}${path}`, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

// Malang (Kabupaten Malang, Jawa Timur), Surabaya, Jakarta and Cilacap (Jawa Tengah).
const malang = { areaCode: '35.07.01.2001', latitude: -8.24, longitude: 112.48 };
const surabaya = { areaCode: '35.78.01', latitude: -7.33, longitude: 112.72 };
const jakarta = { areaCode: '31.71', latitude: -6.18, longitude: 106.83 };
const cilacap = { areaCode: '33.01.01', latitude: -7.7, longitude: 108.9 };

describe('searching by area: nearest first', () => {
  const w = uniqueWord('area');
  beforeAll(async () => {
    await add({ name: `Nasional ${w}`, nationwide: true, locations: [{ ...jakarta }] });
    await add({ name: `Provinsi ${w}`, areaCodes: ['35'], locations: [{ ...surabaya }] });
    await add({ name: `Kabupaten ${w}`, areaCodes: ['35.07'], locations: [{ ...malang }] });
    await add({ name: `Kecamatan ${w}`, areaCodes: ['35.07.01'], locations: [{ ...malang, latitude: -8.45 }] });
    await add({ name: `Cilacap ${w}`, areaCodes: ['33.01'], locations: [{ ...cilacap }] });
    await add({ name: `Kota Malang ${w}`, areaCodes: ['35.73'], locations: [] });
  });

  it('lists services of the regency (and its districts) first, then the province, then nationwide; never another area', async () => {
    const res = await get(`/directory?q=${w}&province=35&regency=35.07`);
    expect(res.status).toBe(200);
    expect(listed(res.text)).toEqual([`Kabupaten ${w}`, `Kecamatan ${w}`, `Provinsi ${w}`, `Nasional ${w}`]);
    expect(res.text).toContain('4 layanan ditemukan');
    expect(res.text).toContain(`<title>Kabupaten Malang, “${w}” — Direktori Layanan Pulang</title>`);
  });

  it('a province search takes in the services of its regencies and districts too, nationwide last', async () => {
    const res = await get(`/directory?q=${w}&province=35`);
    const names = listed(res.text);
    expect(names.at(-1)).toBe(`Nasional ${w}`);
    expect(new Set(names.slice(0, -1))).toEqual(new Set([`Provinsi ${w}`, `Kabupaten ${w}`, `Kecamatan ${w}`, `Kota Malang ${w}`]));
    expect(names).not.toContain(`Cilacap ${w}`);
  });

  it('a regency alone implies its province', async () => {
    const res = await get(`/directory?q=${w}&regency=35.07`);
    expect(listed(res.text)).toEqual([`Kabupaten ${w}`, `Kecamatan ${w}`, `Provinsi ${w}`, `Nasional ${w}`]);
    expect(res.text).toMatch(/<option value="35" selected>Jawa Timur<\/option>/);
  });

  it('without JavaScript: choosing a province fills the regency list; a regency of another province is dropped when the province changes', async () => {
    const first = await get('/directory');
    expect(first.text).toMatch(/<select id="regency" name="regency"[^>]* disabled>/);
    expect(first.text).toContain('Pilih provinsi dulu');
    const res = await get(`/directory?q=${w}&province=35`);
    expect(res.text).not.toMatch(/<select id="regency" name="regency"[^>]* disabled/);
    expect(res.text).toContain('<option value="35.07">Kabupaten Malang</option>');
    expect(res.text).not.toContain('Kabupaten Cilacap');
    const changed = await get(`/directory?q=${w}&province=33&regency=35.07`);
    expect(changed.status).toBe(200);
    expect(listed(changed.text)).toEqual([`Cilacap ${w}`, `Nasional ${w}`]);
    expect(changed.text).toContain('<option value="33.01">Kabupaten Cilacap</option>');
  });

  it('the regency list is there for the script too', async () => {
    const res = await get('/directory/regencies?province=35');
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual(['35.07', 'Kabupaten Malang']);
    expect(res.body.every(([code]: [string]) => code.startsWith('35.'))).toBe(true);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await get('/directory/regencies?province=99')).status).toBe(404);
  });
});

describe('searching by need, language and words', () => {
  const w = uniqueWord('need');
  beforeAll(async () => {
    await add({ name: `Bantuan Hukum ${w}`, termCodes: ['legal_aid'], nationwide: true, languages: ['id', 'jv'] });
    await add({ name: `Restitusi ${w}`, termCodes: ['restitution_protection'], nationwide: true, languages: ['id'] });
    await add({ name: `Rumah Aman ${w}`, termCodes: ['shelter'], nationwide: true, languages: ['id', 'en'], description: 'Konseling 100% rahasia untuk perempuan' });
    await add({ name: `Pelatihan Menjahit ${w}`, termCodes: ['vocational_training', 'business_startup'], nationwide: true, languages: ['su'] });
  });

  it('by a term, and by a whole group', async () => {
    expect(listed((await get(`/directory?q=${w}&term=legal_aid`)).text)).toEqual([`Bantuan Hukum ${w}`]);
    const group = await get(`/directory?q=${w}&term=justice`);
    expect(listed(group.text)).toEqual([`Bantuan Hukum ${w}`, `Restitusi ${w}`]);
    expect(group.text).toContain('<option value="justice" selected>Semua: Keadilan</option>');
    expect(group.text).toContain(`<title>Keadilan, “${w}” — Direktori Layanan Pulang</title>`);
    expect(listed((await get(`/directory?q=${w}&term=shelter&term=business_startup`)).text)).toEqual([`Pelatihan Menjahit ${w}`, `Rumah Aman ${w}`]);
  });

  it('by the language the person speaks', async () => {
    expect(listed((await get(`/directory?q=${w}&language=jv`)).text)).toEqual([`Bantuan Hukum ${w}`]);
    expect(listed((await get(`/directory?q=${w}&language=su`)).text)).toEqual([`Pelatihan Menjahit ${w}`]);
  });

  it('by words, all of which must appear (in any case), with % and _ taken literally', async () => {
    expect(listed((await get(`/directory?q=${w}+KONSELING+perempuan`)).text)).toEqual([`Rumah Aman ${w}`]);
    expect(listed((await get(`/directory?q=${w}+konseling+laki`)).text)).toEqual([]);
    expect(listed((await get(`/directory?q=${w}+100%25`)).text)).toEqual([`Rumah Aman ${w}`]);
    // As wildcards, these would match "rahasia".
    expect(listed((await get(`/directory?q=${w}+rah%25sia`)).text)).toEqual([]);
    expect(listed((await get(`/directory?q=${w}+rahas_a`)).text)).toEqual([]);
    expect(listed((await get(`/directory?q=${w}+rahasia`)).text)).toEqual([`Rumah Aman ${w}`]);
    const none = await get(`/directory?q=${w}+tidakadasamasekali`);
    expect(none.text).toContain('Tidak ada layanan yang cocok');
  });
});

describe('nearest by coordinates', () => {
  const w = uniqueWord('near');
  beforeAll(async () => {
    await add({ name: `Jakarta ${w}`, nationwide: true, locations: [{ ...jakarta }] });
    await add({ name: `Surabaya ${w}`, nationwide: true, locations: [{ ...surabaya }] });
    await add({ name: `Dua Kantor ${w}`, nationwide: true, locations: [{ ...cilacap, name: 'Kantor Cilacap' }, { ...malang, name: 'Kantor Malang', transportation: 'Angkot kuning dari Terminal Arjosari, turun di pasar.' }] });
    await add({ name: `Tanpa Alamat ${w}`, nationwide: true });
  });

  it('orders by the distance of each service’s nearest location, those without a location last', async () => {
    // Near Malang.
    const res = await get(`/directory?q=${w}&lat=-7.98&lng=112.63`);
    expect(listed(res.text)).toEqual([`Dua Kantor ${w}`, `Surabaya ${w}`, `Jakarta ${w}`, `Tanpa Alamat ${w}`]);
    // The nearest location is the one shown, with how to get there and the distance.
    expect(res.text).toContain('Angkot kuning dari Terminal Arjosari');
    expect(res.text).toMatch(/± \d+(,\d)? km dari lokasi Anda/);
    expect(res.text).toContain('dan 1 lokasi lain');
    expect(res.text).toContain('Diurutkan dari yang terdekat dengan lokasi Anda.');
    // Near Jakarta.
    expect(listed((await get(`/directory?q=${w}&lat=-6.2&lng=106.8`)).text)).toEqual([`Jakarta ${w}`, `Dua Kantor ${w}`, `Surabaya ${w}`, `Tanpa Alamat ${w}`]);
  });

  it('without coordinates, by name', async () => {
    expect(listed((await get(`/directory?q=${w}`)).text)).toEqual([`Dua Kantor ${w}`, `Jakarta ${w}`, `Surabaya ${w}`, `Tanpa Alamat ${w}`]);
  });
});

describe('paging', () => {
  const w = uniqueWord('page');
  beforeAll(async () => {
    const { organizationId } = await add({ name: `Layanan 00 ${w}`, nationwide: true });
    for (let i = 1; i < 25; i++) await add({ name: `Layanan ${String(i).padStart(2, '0')} ${w}`, nationwide: true, organizationId });
  });

  it('shows 20 a page with plain links to the previous and next pages', async () => {
    const one = await get(`/directory?q=${w}`);
    expect(listed(one.text)).toHaveLength(20);
    expect(listed(one.text)[0]).toBe(`Layanan 00 ${w}`);
    expect(one.text).toContain('25 layanan ditemukan');
    expect(one.text).toContain('Halaman 1 dari 2');
    expect(one.text).toContain(`<a href="/directory?q=${w}&amp;page=2" rel="next">Berikutnya</a>`);
    expect(one.text).not.toContain('rel="prev"');
    const two = await get(`/directory?q=${w}&page=2`);
    expect(listed(two.text)).toEqual([20, 21, 22, 23, 24].map((i) => `Layanan ${i} ${w}`));
    expect(two.text).toContain(`<a href="/directory?q=${w}" rel="prev">Sebelumnya</a>`);
    expect(two.text).not.toContain('rel="next"');
  });

  it('past the last page: no results, the right total and a way back', async () => {
    const res = await get(`/directory?q=${w}&page=9`);
    expect(res.status).toBe(200);
    expect(listed(res.text)).toEqual([]);
    expect(res.text).toContain('25 layanan ditemukan');
    expect(res.text).toContain('Halaman ini tidak berisi hasil.');
  });

  it('a page number that is not one counts as the first page', async () => {
    for (const page of ['0', '-1', 'abc', '1e3', '99999999'])
      expect(listed((await get(`/directory?q=${w}&page=${page}`)).text)[0]).toBe(`Layanan 00 ${w}`);
  });
});

describe('bad input: a message next to the field, no results, never a 500', () => {
  const w = uniqueWord('bad');
  beforeAll(async () => {
    await add({ name: `Ada ${w}`, nationwide: true });
  });

  const cases: [string, string, string][] = [
    ['term=nope', 'term', 'Jenis layanan ini tidak dikenal'],
    ['province=99', 'province', 'Provinsi ini tidak dikenal'],
    ['province=35.07', 'province', 'Provinsi ini tidak dikenal'],
    ['regency=35.99', 'regency', 'Kabupaten/kota ini tidak dikenal'],
    ['province=35&regency=35', 'regency', 'Kabupaten/kota ini tidak dikenal'],
    ['language=xx', 'language', 'Bahasa ini tidak dikenal'],
    ['lat=91&lng=100', 'location', 'Lokasi tidak dapat dipakai'],
    ['lat=-7&lng=181', 'location', 'Lokasi tidak dapat dipakai'],
    ['lat=abc&lng=1', 'location', 'Lokasi tidak dapat dipakai'],
    ['lat=-7', 'location', 'Lokasi tidak dapat dipakai'],
    [`q=${'a'.repeat(101)}`, 'q', 'Kata kunci terlalu panjang'],
  ];
  for (const [query, field, message] of cases)
    it(`${query.slice(0, 30)} → ${field}`, async () => {
      const res = await get(`/directory?${query}&q2=${w}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`<p class="err" id="${field}-err">${message}`);
      if (field !== 'location') expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
      expect(res.text).toContain('Ada isian yang perlu diperbaiki');
      expect(listed(res.text)).toEqual([]);
    });

  it('keeps what was typed, escaped, so that it can be corrected', async () => {
    const res = await get(`/directory?term=%22%3E%3Cb%3Ex&q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).not.toContain('<script>alert');
  });

  it('odd shapes of parameters are answered with a page, not a failure', async () => {
    for (const q of ['term[]=shelter', 'term=&term=', 'province=&regency=', 'q=%00', 'q=a%00b', 'q=%5C', 'lat=&lng=', 'lang=xx', 'page=1&page=2', 'q=%E0%A4%A', 'q=%FF', 'lat=1e400&lng=0'])
      expect([q, [200, 400].includes((await get(`/directory?${q}`)).status)]).toEqual([q, true]);
  });
});

describe('a service page', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await add({
      name: 'Rumah Perlindungan Trauma Center Uji',
      alternateName: 'RPTC Uji',
      termCodes: ['shelter', 'mental_health'],
      description: 'Tempat tinggal sementara yang aman.\n\nKonseling setiap hari.',
      areaCodes: ['35.07'],
      languages: ['id', 'jv'],
      eligibleSexes: ['female'],
      minAge: 18,
      eligibleCaseTypes: ['victim_of_trafficking'],
      eligibilityNote: 'Anak di bawah 18 tahun dirujuk ke UPT PPA.',
      costKind: 'free',
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' },
        { days: [6], opens: '08:00', closes: '12:00' },
      ],
      phones: [
        { number: '+62341123456', kind: 'voice', description: null },
        { number: '+6281234567890', kind: 'whatsapp', description: 'Pesan saja' },
        { number: '+62129', kind: 'hotline', description: null },
      ],
      contacts: [{ name: 'Sri Wahyuni', title: 'Koordinator', email: 'sri@example.org', phone: '+6281311112222' }],
      requiredDocuments: ['ktp', 'referral_letter'],
      url: 'javascript:alert(1)',
      capacityTotal: 9173,
      capacityFree: 8461,
      maxOpenReferrals: 7351,
      referralsAnswered: 6247,
      referralsAccepted: 5139,
      locations: [
        {
          ...malang,
          name: 'RPTC Malang',
          address: 'Jl. Raya Donomulyo 12',
          transportation: 'Bus dari Terminal Gadang, turun di Pasar Donomulyo.',
          accessibility: 'Jalan landai di pintu depan.',
          postalCode: '65167',
        },
      ],
    }));
  });

  it('shows every public detail: phones as links, hours in words, how to get there, a map link', async () => {
    const res = await get(`/directory/services/${id}`);
    expect(res.status).toBe(200);
    const p = res.text;
    expect(p).toContain('<html lang="id">');
    expect(p).toContain('<h1>Rumah Perlindungan Trauma Center Uji</h1>');
    expect(p).toContain('<a href="tel:+62341123456">0341 123456</a>');
    expect(p).toContain('<a href="https://wa.me/6281234567890">WhatsApp 0812-3456-7890</a> (Pesan saja)');
    expect(p).toContain('<a href="tel:129">Hotline 129</a>');
    expect(p).toContain('Senin–Jumat 08.00–16.00<br>Sabtu 08.00–12.00');
    expect(p).toContain('Gratis');
    expect(p).toContain('Perempuan, usia 18 tahun ke atas, korban perdagangan orang');
    expect(p).toContain('Anak di bawah 18 tahun dirujuk ke UPT PPA.');
    expect(p).toContain('Indonesia, Jawa');
    expect(p).toContain('KTP, Surat rujukan');
    expect(p).toContain('Kabupaten Malang');
    expect(p).toContain('Jl. Raya Donomulyo 12, Tulungrejo, Donomulyo, Kabupaten Malang, Jawa Timur, 65167');
    expect(p).toContain('Bus dari Terminal Gadang, turun di Pasar Donomulyo.');
    expect(p).toContain('Jalan landai di pintu depan.');
    expect(p).toContain('href="https://www.openstreetmap.org/?mlat=-8.24&amp;mlon=112.48#map=17/-8.24/112.48"');
    expect(p).toContain('Sri Wahyuni, Koordinator');
    expect(p).toMatch(/Terakhir diperiksa: \d{1,2} \w+ \d{4}/);
    expect(p).toContain('<p>Konseling setiap hari.</p>');
    // Share and print: the buttons wait for the script; the WhatsApp link and the print view work without it.
    expect(p).toContain('data-share');
    expect(p).toContain('href="https://wa.me/?text=Rumah%20Perlindungan');
    expect(p).toContain('@media print');
    // Only http(s) links from providers.
    expect(p).not.toContain('javascript:');
  });

  it('never shows capacity, provider statistics or referral data', async () => {
    const p = (await get(`/directory/services/${id}`)).text;
    for (const n of ['9173', '8461', '7351', '6247', '5139']) expect(p).not.toContain(n);
    expect(p).not.toMatch(/capacity|kapasitas|rujukan diterima/i);
  });

  it('is listed with the same essentials', async () => {
    const p = (await get('/directory?q=rumah+perlindungan+trauma+center+uji')).text;
    expect(listed(p)).toEqual(['Rumah Perlindungan Trauma Center Uji']);
    for (const text of ['Senin–Jumat 08.00–16.00', 'Gratis', 'tel:+62341123456', 'https://wa.me/6281234567890', 'Bus dari Terminal Gadang', 'Perempuan, usia 18 tahun ke atas', 'Indonesia, Jawa', 'Terakhir diperiksa'])
      expect(p).toContain(text);
    for (const n of ['9173', '8461', '7351']) expect(p).not.toContain(n);
  });

  it('in English', async () => {
    const res = await get(`/directory/services/${id}?lang=en`);
    const p = res.text;
    expect(p).toContain('<html lang="en">');
    expect(p).toContain('Monday–Friday 08:00–16:00<br>Saturday 08:00–12:00');
    expect(p).toContain('Free');
    expect(p).toContain('Women and girls, aged 18 and over, victims of trafficking');
    expect(p).toContain('Indonesian, Javanese');
    expect(p).toContain('How to get there');
    expect(p).toMatch(/Last checked: \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(p).toContain('<a href="/directory/services/' + id + '?lang=id" lang="id" hreflang="id">Bahasa Indonesia</a>');
    expect(p).toContain('<a href="/login">Staff sign-in</a>');
  });
});

describe('statuses', () => {
  const w = uniqueWord('status');
  let inactive: string;
  let defunct: string;
  beforeAll(async () => {
    await add({ name: `Buka ${w}`, nationwide: true });
    await add({ name: `Tutup ${w}`, nationwide: true, status: 'temporarily closed' });
    inactive = (await add({ name: `Berhenti ${w}`, nationwide: true, status: 'inactive' })).id;
    defunct = (await add({ name: `Bubar ${w}`, nationwide: true, status: 'defunct' })).id;
  });

  it('lists active and temporarily closed services (marked), not inactive or defunct ones', async () => {
    const p = (await get(`/directory?q=${w}`)).text;
    expect(listed(p)).toEqual([`Buka ${w}`, `Tutup ${w}`]);
    expect(p.match(/<span class="tag">Tutup sementara<\/span>/g)).toHaveLength(1);
  });

  it('an inactive service keeps its page, with a notice; a defunct one is not found', async () => {
    const page = await get(`/directory/services/${inactive}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Layanan ini sedang tidak berjalan');
    expect((await get(`/directory/services/${defunct}`)).status).toBe(404);
  });

  it('services of a deactivated organisation are neither listed nor shown', async () => {
    const { id, organizationId } = await add({ name: `Organisasi Nonaktif ${w}`, nationwide: true });
    await rawQuery(s.database, `update organizations set active = false where id = '${organizationId}'`);
    expect(listed((await get(`/directory?q=${w}`)).text)).not.toContain(`Organisasi Nonaktif ${w}`);
    expect((await get(`/directory/services/${id}`)).status).toBe(404);
  });
});

describe('not found', () => {
  it('an unknown service, a malformed id and any other path: a 404 page in the page language', async () => {
    for (const path of ['/directory/services/00000000-0000-4000-8000-000000000000', '/directory/services/not-an-id', '/directory/services/1%27%20or%201=1', '/directory/nothing/here']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<h1>Layanan tidak ditemukan</h1>');
    }
    const en = await get('/directory/services/not-an-id?lang=en');
    expect(en.status).toBe(404);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('<h1>Service not found</h1>');
  });
});

describe('escaping', () => {
  it('a service named <script> renders as text, in the results and on its page', async () => {
    const w = uniqueWord('esc');
    const { id } = await add({
      name: `<script>alert("x")</script> ${w}`,
      description: `"><img src=x onerror=alert(1)> & more`,
      organizationName: `Yayasan <b>Tebal</b> ${w}`,
      nationwide: true,
      hoursNote: '<i>malam</i>',
      phones: [{ number: '+62"><svg onload=alert(1)>', kind: 'voice', description: '<u>x</u>' }],
      locations: [{ areaCode: '35.07.01.2001', address: '<marquee>Jl.</marquee>', transportation: "<a href='javascript:x'>" }],
    });
    for (const path of [`/directory?q=${w}`, `/directory/services/${id}`]) {
      const p = (await get(path)).text;
      expect(p).toContain(`&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ${w}`);
      expect(p).not.toContain('<script>alert');
      expect(p).not.toContain('<img src=x');
      expect(p).not.toContain('<b>Tebal');
      expect(p).not.toContain('<i>malam');
      expect(p).not.toContain('<svg');
      expect(p).not.toContain('<u>x');
      expect(p).not.toContain('<marquee>');
      expect(p).not.toContain("<a href='javascript");
      expect(p).toContain('Yayasan &lt;b&gt;Tebal&lt;/b&gt;');
      // The only scripts are the page's own file.
      expect(p.match(/<script/g)).toHaveLength(1);
    }
  });
});

describe('language', () => {
  it('Indonesian by default; ?lang=en switches and is remembered in a cookie', async () => {
    const c = s.client();
    const first = await c.get('/directory');
    expect(first.text).toContain('<html lang="id">');
    expect(first.text).toContain('Cari layanan bantuan');
    expect(first.text).toContain('<a href="/login">Masuk untuk petugas</a>');
    expect(first.text).toContain('<a href="/directory?lang=en" lang="en" hreflang="en">English</a>');
    expect(first.headers.get('vary')).toContain('Cookie');

    const en = await c.get('/directory?lang=en&term=shelter');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('What do you need?');
    expect(en.text).toContain('<option value="shelter" selected>Shelter</option>');
    expect(en.text).toContain('<input type="hidden" name="lang" value="en">');
    expect(en.headers.get('set-cookie')).toMatch(/^pulang\.directory\.lang=en; Max-Age=\d+; Path=\/directory; HttpOnly; SameSite=Lax/);
    // A response that sets the cookie is not for shared caches.
    expect(en.headers.get('cache-control')).toBe('private, max-age=60');
    expect(c.cookies.get('pulang.directory.lang')).toBe('en');

    const remembered = await c.get('/directory');
    expect(remembered.text).toContain('<html lang="en">');
    const back = await c.get('/directory?lang=id');
    expect(back.text).toContain('<html lang="id">');
    expect((await c.get('/directory')).text).toContain('<html lang="id">');
  });

  it('English search results: terms, hours and cost in English', async () => {
    const w = uniqueWord('en');
    await add({ name: `Klinik ${w}`, termCodes: ['medical_care'], nationwide: true, costKind: 'sliding_scale', hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }] });
    const p = (await get(`/directory?q=${w}&lang=en`)).text;
    expect(p).toContain('1 service found');
    expect(p).toContain('Medical care');
    expect(p).toContain('Every day, 24 hours');
    expect(p).toContain('According to what you can pay');
    expect(p).toContain(`/directory/services/`);
    expect(p).toMatch(/href="\/directory\/services\/[0-9a-f-]{36}\?lang=en"/);
  });
});

describe('delivery', () => {
  it('headers: HTML in UTF-8, cacheable for a minute, the script cached for a year, inline scripts forbidden', async () => {
    const res = await get('/directory');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = /<script src="(\/directory\/assets\/directory\.[\w-]+\.js)" defer><\/script>/.exec(res.text)![1]!;
    const js = await get(script);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.text).toContain('navigator.geolocation');
    expect((await get('/directory/assets/directory.old.js')).status).toBe(404);
  });

  it('is gzipped for clients that take it', async () => {
    const res = await wire('/directory');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.bytes).toString('utf8')).toContain('<html lang="id">');
    const plain = await wire('/directory', false);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString('utf8')).toContain('<html lang="id">');
  });

  it('a results page of 20 full services stays under 15 KB gzipped (HTML and CSS together)', async () => {
    const w = uniqueWord('size');
    for (let i = 0; i < 22; i++)
      await add({
        name: `Layanan Pemulihan dan Pendampingan Korban ${i} ${w}`,
        organizationName: `Yayasan Pendamping Pekerja Migran Nusantara ${i} ${w}`,
        termCodes: ['shelter', 'mental_health', 'legal_aid'],
        description:
          'Pendampingan bagi korban perdagangan orang dan pekerja migran yang pulang: rumah aman sementara, konseling, pemeriksaan kesehatan, pendampingan hukum dan rujukan ke layanan lain di daerah asal.',
        areaCodes: ['35.07', '35.73'],
        languages: ['id', 'jv', 'mad'],
        eligibleSexes: ['female'],
        minAge: 18,
        eligibleCaseTypes: ['victim_of_trafficking', 'vulnerable_migrant'],
        hours: [
          { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' },
          { days: [6], opens: '08:00', closes: '12:00' },
        ],
        phones: [
          { number: '+62341123456', kind: 'voice', description: null },
          { number: '+6281234567890', kind: 'whatsapp', description: null },
        ],
        locations: [
          {
            ...malang,
            address: `Jl. Raya Kepanjen No. ${i + 10}, RT 02/RW 05`,
            transportation: 'Dari Terminal Arjosari naik angkot jurusan Kepanjen, turun di depan Puskesmas, jalan kaki 200 m ke arah timur.',
          },
        ],
      });
    const path = `/directory?q=${w}&province=35&regency=35.07&lat=-8.1&lng=112.6`;
    const gz = await wire(path);
    const raw = await wire(path, false);
    expect(gz.status).toBe(200);
    expect(listed(raw.bytes.toString('utf8'))).toHaveLength(20);
    console.log(`results page, 20 services: ${raw.bytes.length} bytes raw, ${gz.bytes.length} bytes gzipped`);
    expect(gz.bytes.length).toBeLessThan(15 * 1024);
    const id = listedIds(raw.bytes.toString('utf8'))[0]!;
    const one = await wire(`/directory/services/${id}`);
    const oneRaw = await wire(`/directory/services/${id}`, false);
    console.log(`service page: ${oneRaw.bytes.length} bytes raw, ${one.bytes.length} bytes gzipped`);
    const empty = await wire('/directory');
    const emptyRaw = await wire('/directory', false);
    console.log(`search page without a search: ${emptyRaw.bytes.length} bytes raw, ${empty.bytes.length} bytes gzipped`);
    const script = /<script src="([^"]+)"/.exec(emptyRaw.bytes.toString('utf8'))![1]!;
    const js = await wire(script, false);
    console.log(`script: ${js.bytes.length} bytes raw`);
    expect(one.bytes.length).toBeLessThan(8 * 1024);
  });
});
