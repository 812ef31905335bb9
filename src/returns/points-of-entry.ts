// Indonesian points of entry where returnees arrive and are received: the main international
// airports, sea ports and land border posts on the migration routes. Import-free, so that the web
// app reads the same list. `areaCode` is the Kemendagri regency (or city) the post lies in.

export const entryKinds = ['airport', 'seaport', 'land_border'] as const;
export type EntryKind = (typeof entryKinds)[number];

export interface PointOfEntry {
  code: string;
  kind: EntryKind;
  name: string;
  areaCode: string;
}

export const pointsOfEntry: readonly PointOfEntry[] = [
  { code: 'CGK', kind: 'airport', name: 'Bandara Internasional Soekarno-Hatta', areaCode: '36.71' },
  { code: 'SUB', kind: 'airport', name: 'Bandara Internasional Juanda', areaCode: '35.15' },
  { code: 'KNO', kind: 'airport', name: 'Bandara Internasional Kualanamu', areaCode: '12.07' },
  { code: 'DPS', kind: 'airport', name: 'Bandara Internasional I Gusti Ngurah Rai', areaCode: '51.03' },
  { code: 'LOP', kind: 'airport', name: 'Bandara Internasional Zainuddin Abdul Madjid (Lombok)', areaCode: '52.02' },
  { code: 'KOE', kind: 'airport', name: 'Bandara El Tari (Kupang)', areaCode: '53.71' },
  { code: 'YIA', kind: 'airport', name: 'Bandara Internasional Yogyakarta', areaCode: '34.01' },
  { code: 'SRG', kind: 'airport', name: 'Bandara Jenderal Ahmad Yani (Semarang)', areaCode: '33.74' },
  { code: 'KJT', kind: 'airport', name: 'Bandara Internasional Kertajati', areaCode: '32.10' },
  { code: 'BTH', kind: 'airport', name: 'Bandara Internasional Hang Nadim (Batam)', areaCode: '21.71' },
  { code: 'PNK', kind: 'airport', name: 'Bandara Internasional Supadio (Pontianak)', areaCode: '61.12' },
  { code: 'UPG', kind: 'airport', name: 'Bandara Internasional Sultan Hasanuddin (Makassar)', areaCode: '73.09' },
  { code: 'TPK', kind: 'seaport', name: 'Pelabuhan Tanjung Priok', areaCode: '31.72' },
  { code: 'TPR', kind: 'seaport', name: 'Pelabuhan Tanjung Perak', areaCode: '35.78' },
  { code: 'BLW', kind: 'seaport', name: 'Pelabuhan Belawan', areaCode: '12.71' },
  { code: 'BTC', kind: 'seaport', name: 'Pelabuhan Batam Centre', areaCode: '21.71' },
  { code: 'SKP', kind: 'seaport', name: 'Pelabuhan Sekupang (Batam)', areaCode: '21.71' },
  { code: 'TPN', kind: 'seaport', name: 'Pelabuhan Sri Bintan Pura (Tanjung Pinang)', areaCode: '21.72' },
  { code: 'TBK', kind: 'seaport', name: 'Pelabuhan Tanjung Balai Karimun', areaCode: '21.02' },
  { code: 'DUM', kind: 'seaport', name: 'Pelabuhan Dumai', areaCode: '14.72' },
  { code: 'NNX', kind: 'seaport', name: 'Pelabuhan Tunon Taka (Nunukan)', areaCode: '65.03' },
  { code: 'ENT', kind: 'land_border', name: 'PLBN Entikong', areaCode: '61.03' },
  { code: 'ARK', kind: 'land_border', name: 'PLBN Aruk', areaCode: '61.01' },
  { code: 'MTA', kind: 'land_border', name: 'PLBN Motaain', areaCode: '53.04' },
  { code: 'SKW', kind: 'land_border', name: 'PLBN Skouw', areaCode: '91.71' },
];

export const pointOfEntryByCode = new Map(pointsOfEntry.map((p) => [p.code, p]));
