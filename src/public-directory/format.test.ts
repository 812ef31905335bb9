import { describe, expect, it } from 'vitest';
import { displayPhone, eligibilityInWords, fullAddress, hoursInWords, safeWebHref, shortText, telHref, whatsappHref } from './format.js';
import { translator } from './i18n.js';

const id = translator('id');
const en = translator('en');

describe('opening hours in words', () => {
  it('joins consecutive days into ranges and writes times the Indonesian way', () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' },
      { days: [6, 7], opens: '09:00', closes: '12:00' },
      { days: [1, 3, 5], opens: '19:00', closes: '21:00' },
    ];
    expect(hoursInWords(hours, id, 'id')).toEqual(['Senin–Jumat 08.00–16.00', 'Sabtu, Minggu 09.00–12.00', 'Senin, Rabu, Jumat 19.00–21.00']);
    expect(hoursInWords(hours, en, 'en')).toEqual(['Monday–Friday 08:00–16:00', 'Saturday, Sunday 09:00–12:00', 'Monday, Wednesday, Friday 19:00–21:00']);
  });

  it('every day, round the clock, and unordered or repeated days', () => {
    expect(hoursInWords([{ days: [7, 1, 2, 3, 4, 5, 6], opens: '00:00', closes: '23:59' }], id, 'id')).toEqual(['Setiap hari, 24 jam']);
    expect(hoursInWords([{ days: [3, 1, 2, 2], opens: '07:30', closes: '14:00' }], en, 'en')).toEqual(['Monday–Wednesday 07:30–14:00']);
    expect(hoursInWords([{ days: [], opens: '08:00', closes: '16:00' }], id, 'id')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('are shown as written in Indonesia and dialled in full', () => {
    expect(displayPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(displayPhone('+62215551234')).toBe('021 5551234');
    expect(displayPhone('+62341123456')).toBe('0341 123456');
    expect(displayPhone('+62129')).toBe('129');
    expect(displayPhone('+60123456789')).toBe('+60123456789');
    expect(telHref('+62215551234')).toBe('tel:+62215551234');
    expect(telHref('+62129')).toBe('tel:129');
    expect(telHref('+62 21-555"1234')).toBe('tel:+62215551234');
    expect(whatsappHref('+6281234567890')).toBe('https://wa.me/6281234567890');
  });
});

describe('links from providers', () => {
  it('only http and https', () => {
    expect(safeWebHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeWebHref('example.org')).toBe('https://example.org/');
    expect(safeWebHref('javascript:alert(1)')).toBeNull();
    expect(safeWebHref('data:text/html,x')).toBeNull();
    expect(safeWebHref(null)).toBeNull();
  });
});

describe('eligibility in words', () => {
  const none = { sexes: [], minAge: null, maxAge: null, caseTypes: [], directions: [], note: null };
  it('says who a service is for, or everyone', () => {
    expect(eligibilityInWords(none, id)).toBe('Semua orang');
    expect(eligibilityInWords({ ...none, sexes: ['female', 'male'] }, id)).toBe('Semua orang');
    expect(eligibilityInWords({ ...none, maxAge: 17, caseTypes: ['unaccompanied_or_separated_child'] }, id)).toBe('Usia sampai 17 tahun, anak tanpa pendamping atau terpisah dari keluarga');
    expect(eligibilityInWords({ ...none, sexes: ['male'], minAge: 18, maxAge: 60, directions: ['inbound'] }, en)).toBe('Men and boys, aged 18–60, Indonesians coming home');
  });
});

describe('addresses and descriptions', () => {
  const l = {
    id: 'x',
    name: 'Kantor',
    address: 'Jl. Veteran 5, Kroya',
    areaCode: '33.01.01.2001',
    villageName: 'Pesanggrahan',
    districtName: 'Kroya',
    regencyName: 'Kabupaten Cilacap',
    provinceName: 'Jawa Tengah',
    postalCode: '53282',
    latitude: null,
    longitude: null,
    transportation: null,
    accessibility: null,
    distanceKm: null,
  };
  it('adds the area names the address does not already have as a part', () => {
    expect(fullAddress(l)).toBe('Jl. Veteran 5, Kroya, Pesanggrahan, Kabupaten Cilacap, Jawa Tengah, 53282');
  });
  it('cuts a long description at a word', () => {
    expect(shortText('satu dua tiga', 180)).toBe('satu dua tiga');
    const cut = shortText('kata '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith('kata…')).toBe(true);
  });
});
