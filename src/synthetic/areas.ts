// Home areas for synthetic returnees: real Kemendagri village codes from idn-area-data (the same
// package the `areas` reference table is loaded from), with provinces and regencies weighted like
// the real sending areas of Indonesian migrant workers (BP2MI placement statistics, 2019–2024:
// East Java, Central Java, West Java and NTB send most; NTT, North Sumatra and the Nunukan border
// are overrepresented among trafficking and deportation cases).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { WeightedTable, type Rng } from './prng.js';

const require = createRequire(import.meta.url);

export interface Village {
  /** Kemendagri village code, e.g. '35.07.12.2003'. */
  code: string;
  name: string;
  districtCode: string;
  regencyCode: string;
  provinceCode: string;
}

export interface AreaData {
  provinces: Map<string, string>;
  regencies: Map<string, string>;
  districts: Map<string, string>;
  villagesByRegency: Map<string, Village[]>;
  regenciesByProvince: Map<string, string[]>;
}

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      // Names may be quoted when they hold a comma.
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') out.push(cur), (cur = '');
        else cur += c;
      }
      out.push(cur);
      return out;
    });
}

let cached: AreaData | null = null;

/** The Kemendagri areas from idn-area-data (read once per process). */
export function loadAreaData(): AreaData {
  if (cached) return cached;
  const dir = require.resolve('idn-area-data/package.json').replace(/package\.json$/, 'data/');
  const provinces = new Map(readCsv(`${dir}provinces.csv`).map(([code, name]) => [code, name] as [string, string]));
  const regencies = new Map<string, string>();
  const regenciesByProvince = new Map<string, string[]>();
  for (const [code, province, name] of readCsv(`${dir}regencies.csv`)) {
    regencies.set(code, name);
    regenciesByProvince.set(province, [...(regenciesByProvince.get(province) ?? []), code]);
  }
  const districts = new Map(readCsv(`${dir}districts.csv`).map(([code, , name]) => [code, name] as [string, string]));
  const villagesByRegency = new Map<string, Village[]>();
  for (const [code, districtCode, name] of readCsv(`${dir}villages.csv`)) {
    const regencyCode = districtCode.slice(0, 5);
    const list = villagesByRegency.get(regencyCode) ?? [];
    list.push({ code, name, districtCode, regencyCode, provinceCode: code.slice(0, 2) });
    villagesByRegency.set(regencyCode, list);
  }
  cached = { provinces, regencies, districts, villagesByRegency, regenciesByProvince };
  return cached;
}

/** Share of returnees by home province (percent). The rest of the country shares `other`. */
export const provinceWeights: Record<string, number> = {
  '35': 24, // Jawa Timur
  '33': 20, // Jawa Tengah
  '32': 18, // Jawa Barat
  '52': 10, // Nusa Tenggara Barat
  '53': 5, // Nusa Tenggara Timur
  '18': 4.5, // Lampung
  '12': 3.5, // Sumatera Utara
  '51': 2.5, // Bali
  '73': 2, // Sulawesi Selatan
  '36': 2, // Banten
  '34': 1, // DI Yogyakarta
  '65': 1, // Kalimantan Utara (Nunukan: deportations from Sabah)
  '61': 1, // Kalimantan Barat (Entikong: the land border with Sarawak)
  '21': 0.8, // Kepulauan Riau (Batam, Tanjung Pinang)
  '16': 0.8, // Sumatera Selatan
  '11': 0.6, // Aceh
  '13': 0.6, // Sumatera Barat
  '74': 0.6, // Sulawesi Tenggara
  '31': 0.6, // DKI Jakarta
};
/** Percent shared evenly by every province not listed above. */
export const otherProvincesWeight = 1.1;

/** Regencies that send far more than their size suggests: weight multiplier within their province. */
export const sendingRegencies: Record<string, number> = {
  '32.12': 10, // Indramayu
  '32.09': 6, // Cirebon
  '32.03': 5, // Cianjur
  '32.02': 4, // Sukabumi
  '32.13': 4, // Subang
  '32.15': 4, // Karawang
  '33.01': 8, // Cilacap
  '33.29': 5, // Brebes
  '33.24': 5, // Kendal
  '33.18': 3, // Pati
  '33.15': 3, // Grobogan
  '35.02': 6, // Ponorogo
  '35.05': 6, // Blitar
  '35.07': 7, // Malang
  '35.04': 5, // Tulungagung
  '35.10': 5, // Banyuwangi
  '35.09': 4, // Jember
  '35.03': 3, // Trenggalek
  '35.06': 3, // Kediri
  '35.19': 3, // Madiun
  '35.26': 3, // Bangkalan
  '35.27': 3, // Sampang
  '35.28': 2, // Pamekasan
  '35.29': 3, // Sumenep
  '52.03': 10, // Lombok Timur
  '52.02': 7, // Lombok Tengah
  '52.01': 4, // Lombok Barat
  '52.08': 2, // Lombok Utara
  '53.02': 6, // Timor Tengah Selatan
  '53.01': 5, // Kupang
  '53.21': 4, // Malaka
  '53.04': 4, // Belu
  '53.03': 3, // Timor Tengah Utara
  '53.06': 3, // Flores Timur
  '53.07': 3, // Sikka
  '18.07': 5, // Lampung Timur
  '18.02': 4, // Lampung Tengah
  '12.07': 3, // Deli Serdang
  '12.09': 3, // Asahan
  '51.08': 4, // Buleleng
  '51.07': 3, // Karangasem
  '51.01': 3, // Jembrana
  '73.08': 3, // Bone
  '65.03': 8, // Nunukan
  '36.04': 3, // Serang
};

export interface AreaSampler {
  data: AreaData;
  province(rng: Rng): string;
  village(rng: Rng, provinceCode: string): Village;
  /** Another village of the same regency (someone registered with a neighbouring village). */
  nearbyVillage(rng: Rng, village: Village): Village;
}

export function areaSampler(data = loadAreaData()): AreaSampler {
  const listed = new Set(Object.keys(provinceWeights));
  const others = [...data.provinces.keys()].filter((p) => !listed.has(p));
  const provinceTable = new WeightedTable<string>([
    ...Object.entries(provinceWeights),
    ...others.map((p) => [p, otherProvincesWeight / others.length] as [string, number]),
  ]);
  const regencyTables = new Map<string, WeightedTable<string>>();
  for (const [province, regs] of data.regenciesByProvince) {
    // Cities (kota, regency number 71+) send fewer than the rural regencies around them.
    const entries = regs
      .filter((r) => data.villagesByRegency.has(r))
      .map((r) => [r, (sendingRegencies[r] ?? 1) * (Number(r.slice(3)) >= 71 ? 0.4 : 1)] as [string, number]);
    if (entries.length) regencyTables.set(province, new WeightedTable(entries));
  }
  return {
    data,
    province: (rng) => provinceTable.draw(rng),
    village(rng, provinceCode) {
      const regency = regencyTables.get(provinceCode)!.draw(rng);
      return rng.pick(data.villagesByRegency.get(regency)!);
    },
    nearbyVillage(rng, village) {
      return rng.pick(data.villagesByRegency.get(village.regencyCode)!);
    },
  };
}
