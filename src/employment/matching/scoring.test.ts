// The score and its reasons on people and openings we write ourselves: the ranking must make
// sense to a case worker, and each reason must say why.
import { describe, expect, it } from 'vitest';
import { kindForSeeking, scoreMatch, type MatchReason, type OpeningForMatch, type ProfileForMatch } from './scoring.js';

/** Sri: four years caring for an elderly man in Taichung, back home near Malang, wants a job. */
const sri: ProfileForMatch = {
  seeking: ['employment'],
  workHistory: [
    { country: 'TW', sector: 'T97', occupation: '5322', years: 4 },
    { country: 'ID', sector: 'G47', occupation: '5223', years: 1 },
  ],
  skills: [
    { code: 'elderly_care', level: 'advanced' },
    { code: 'cooking', level: 'intermediate' },
    { code: 'housekeeping', level: 'advanced' },
  ],
  languages: ['id', 'jv', 'zh'],
  education: 'junior_secondary',
  certificates: [{ code: 'caregiver', country: 'TW' }],
  preferredSectors: ['Q87'],
  preferredAreaCodes: ['35.07'],
  willingToRelocate: false,
  constraints: [],
  availableFrom: '2026-12-01',
  homeProvinceCode: '35',
};

const job = (o: Partial<OpeningForMatch>): OpeningForMatch => ({
  kind: 'job',
  sector: 'Q87',
  occupation: '5322',
  areaCode: '35.07',
  remote: false,
  hoursPerWeek: 40,
  workingHours: '07.00–15.00',
  requiredSkills: [],
  requiredLanguages: [],
  minEducation: null,
  requiredCertificates: [],
  accommodation: null,
  startOn: '2027-01-04',
  certificateAwarded: null,
  ...o,
});

/** A nursing home in Kabupaten Malang looking for a caregiver with a certificate. */
const caregiverMalang = job({
  requiredSkills: [{ code: 'elderly_care', level: 'intermediate' }],
  requiredCertificates: ['caregiver'],
  minEducation: 'junior_secondary',
  areaCode: '35.07.01',
});
/** A metal workshop in Surabaya looking for a certified welder. */
const welderSurabaya = job({
  sector: 'C25',
  occupation: '7212',
  areaCode: '35.78',
  requiredSkills: [{ code: 'welding', level: 'intermediate' }],
  requiredCertificates: ['welding'],
  minEducation: 'senior_secondary',
});

const codes = (rs: MatchReason[]) => rs.map((r) => r.code);
const reason = (rs: MatchReason[], code: string) => rs.find((r) => r.code === code);

describe('scoreMatch', () => {
  it('ranks a caregiver job in Malang far above a welding job for a caregiver back from Taiwan, and says why', () => {
    const a = scoreMatch(sri, caregiverMalang);
    const b = scoreMatch(sri, welderSurabaya);
    expect(a.score).toBeGreaterThanOrEqual(85);
    expect(b.score).toBeLessThanOrEqual(25);
    expect(a.score).toBeGreaterThan(b.score + 50);

    expect(reason(a.reasons, 'occupation_same')?.detail).toEqual({ occupation: '5322', years: 4, countries: ['TW'], abroad: true });
    expect(reason(a.reasons, 'sector_preferred')?.detail).toEqual({ sector: 'Q87', related: false });
    expect(reason(a.reasons, 'skill_held')?.detail).toEqual({ skill: 'elderly_care', level: 'advanced' });
    // The certificate earned in Taiwan counts.
    expect(reason(a.reasons, 'certificate_held')?.detail).toEqual({ certificate: 'caregiver', country: 'TW', abroad: true });
    expect(reason(a.reasons, 'education_met')?.detail).toEqual({ education: 'junior_secondary', required: 'junior_secondary' });
    expect(reason(a.reasons, 'location_preferred')?.detail).toEqual({ areaCode: '35.07.01' });
    expect(reason(a.reasons, 'seeking_match')?.detail).toEqual({ seeking: 'employment' });
    expect(reason(a.reasons, 'available')?.detail).toEqual({ availableFrom: '2026-12-01', startOn: '2027-01-04' });
    expect(codes(a.reasons).filter((c) => ['skill_missing', 'certificate_missing', 'location_far', 'constraint_conflict'].includes(c))).toEqual([]);

    expect(codes(b.reasons)).toEqual(expect.arrayContaining(['occupation_new', 'skill_missing', 'certificate_missing', 'education_below', 'location_province']));
    expect(reason(b.reasons, 'skill_missing')?.detail).toEqual({ skill: 'welding', required: 'intermediate' });
    expect(reason(b.reasons, 'certificate_missing')?.detail).toEqual({ certificate: 'welding' });
    expect(reason(b.reasons, 'education_below')?.detail).toEqual({ education: 'junior_secondary', required: 'senior_secondary' });
  });

  it('puts the experience first in the reasons, and conflicts last', () => {
    const r = scoreMatch({ ...sri, constraints: ['no_night_work'] }, job({ workingHours: 'Shift malam 22.00–06.00' })).reasons;
    expect(r[0].code).toBe('occupation_same');
    expect(r.at(-1)).toEqual({ code: 'constraint_conflict', detail: { constraint: 'no_night_work', because: 'night_work' } });
  });

  it('gives a person who seeks training the training places, and marks jobs as not what they seek', () => {
    const dewi: ProfileForMatch = { ...sri, seeking: ['training'], workHistory: [{ country: 'MY', sector: 'A01', occupation: '9211', years: 3 }], preferredSectors: ['I56'] };
    expect(kindForSeeking(dewi.seeking)).toBe('training');
    expect(kindForSeeking(['employment', 'training'])).toBe('job');
    expect(kindForSeeking([])).toBe('job');
    const cookingCourse: OpeningForMatch = job({ kind: 'training', sector: 'I56', occupation: '5120', certificateAwarded: 'food_handling' });
    const cookJob: OpeningForMatch = job({ sector: 'I56', occupation: '5120' });
    const course = scoreMatch(dewi, cookingCourse);
    const work = scoreMatch(dewi, cookJob);
    expect(course.score).toBeGreaterThan(work.score);
    expect(reason(course.reasons, 'seeking_match')?.detail).toEqual({ seeking: 'training' });
    expect(reason(course.reasons, 'sector_preferred')?.detail).toEqual({ sector: 'I56', related: false });
    // A training place teaches the trade: no experience is not held against the person.
    expect(codes(course.reasons)).not.toContain('occupation_new');
    expect(reason(course.reasons, 'certificate_awarded')?.detail).toEqual({ certificate: 'food_handling' });
    expect(reason(work.reasons, 'seeking_other')?.detail).toEqual({ seeking: ['training'] });
    expect(codes(work.reasons)).toContain('occupation_new');
    // Someone starting their own business is offered training places too.
    expect(reason(scoreMatch({ ...dewi, seeking: ['self_employment'] }, cookingCourse).reasons, 'seeking_match')?.detail).toEqual({ seeking: 'self_employment' });
  });

  it('shows a missing certificate as a reason and costs its share', () => {
    const without = scoreMatch({ ...sri, certificates: [] }, caregiverMalang);
    expect(reason(without.reasons, 'certificate_missing')?.detail).toEqual({ certificate: 'caregiver' });
    expect(without.score).toBeLessThan(scoreMatch(sri, caregiverMalang).score);
  });

  it('counts a skill held below the level asked for half, and says so', () => {
    const basic = scoreMatch({ ...sri, skills: [{ code: 'elderly_care', level: 'basic' }] }, caregiverMalang);
    expect(reason(basic.reasons, 'skill_below')?.detail).toEqual({ skill: 'elderly_care', level: 'basic', required: 'intermediate' });
    const none = scoreMatch({ ...sri, skills: [] }, caregiverMalang);
    expect(none.score).toBeLessThan(basic.score);
    expect(basic.score).toBeLessThan(scoreMatch(sri, caregiverMalang).score);
  });

  it('finds a related occupation in the same minor group, and weighs the years', () => {
    const aide = job({ occupation: '5321', sector: 'Q86' });
    const r = scoreMatch(sri, aide);
    expect(reason(r.reasons, 'occupation_related')?.detail).toEqual({ occupation: '5322', years: 4, countries: ['TW'], abroad: true, group: 'minor' });
    expect(reason(r.reasons, 'sector_preferred')?.detail).toEqual({ sector: 'Q87', related: true });
    const newcomer = scoreMatch({ ...sri, workHistory: [{ country: 'TW', sector: 'T97', occupation: '5322', years: 0.5 }] }, caregiverMalang);
    expect(newcomer.score).toBeLessThan(scoreMatch(sri, caregiverMalang).score);
    // Two spells in the same work add up.
    const twice = scoreMatch(
      { ...sri, workHistory: [{ country: 'TW', sector: 'T97', occupation: '5322', years: 2 }, { country: 'HK', sector: 'T97', occupation: '5322', years: 1.5 }] },
      caregiverMalang,
    );
    expect(reason(twice.reasons, 'occupation_same')?.detail).toEqual({ occupation: '5322', years: 3.5, countries: ['TW', 'HK'], abroad: true });
  });

  it('reads the place: remote, same province, a move the person accepts, too far', () => {
    expect(codes(scoreMatch(sri, job({ remote: true, areaCode: null })).reasons)).toContain('location_remote');
    expect(reason(scoreMatch(sri, job({ areaCode: '35.73' })).reasons, 'location_province')?.detail).toEqual({ province: '35', areaCode: '35.73' });
    const batam = job({ areaCode: '21.71' });
    expect(reason(scoreMatch(sri, batam).reasons, 'location_far')?.detail).toEqual({ areaCode: '21.71' });
    const mover = { ...sri, willingToRelocate: true };
    expect(codes(scoreMatch(mover, batam).reasons)).toContain('location_relocate');
    expect(scoreMatch(mover, batam).score).toBeGreaterThan(scoreMatch(sri, batam).score);
    expect(scoreMatch(sri, caregiverMalang).score).toBeGreaterThan(scoreMatch(mover, batam).score);
  });

  it('lets constraints that conflict cost the match, modestly and with the reason', () => {
    const longShifts = job({ hoursPerWeek: 56 });
    const carer = scoreMatch({ ...sri, constraints: ['care_duties'] }, longShifts);
    expect(reason(carer.reasons, 'constraint_conflict')?.detail).toEqual({ constraint: 'care_duties', because: 'long_hours' });
    expect(carer.score).toBeLessThan(scoreMatch(sri, longShifts).score);
    // Unable to move: willingness does not count, a job elsewhere conflicts.
    const stay = scoreMatch({ ...sri, willingToRelocate: true, constraints: ['cannot_relocate'] }, job({ areaCode: '21.71' }));
    expect(codes(stay.reasons)).toContain('location_far');
    expect(reason(stay.reasons, 'constraint_conflict')?.detail).toEqual({ constraint: 'cannot_relocate', because: 'relocation' });
    // No transport: a job in the province but outside the chosen areas conflicts, unless lodging comes with it.
    expect(reason(scoreMatch({ ...sri, constraints: ['no_transport'] }, job({ areaCode: '35.73' })).reasons, 'constraint_conflict')?.detail).toEqual({
      constraint: 'no_transport',
      because: 'no_transport',
    });
    expect(codes(scoreMatch({ ...sri, constraints: ['no_transport'] }, job({ areaCode: '35.73', accommodation: 'provided_free' })).reasons)).not.toContain('constraint_conflict');
    // Health says nothing by itself.
    expect(codes(scoreMatch({ ...sri, constraints: ['health'] }, longShifts).reasons)).not.toContain('constraint_conflict');
    // "positif" is not a shift.
    expect(codes(scoreMatch({ ...sri, constraints: ['no_night_work'] }, job({ workingHours: 'Lingkungan kerja positif' })).reasons)).not.toContain('constraint_conflict');
  });

  it('marks a start before the person is available', () => {
    const r = scoreMatch({ ...sri, availableFrom: '2027-03-01' }, caregiverMalang);
    expect(reason(r.reasons, 'available_later')?.detail).toEqual({ availableFrom: '2027-03-01', startOn: '2027-01-04' });
  });

  it('scores someone not looking for work low, and keeps every score within 0–100', () => {
    const resting = scoreMatch({ ...sri, seeking: [] }, caregiverMalang);
    expect(codes(resting.reasons)).toContain('not_seeking');
    expect(resting.score).toBeLessThan(scoreMatch(sri, caregiverMalang).score);
    const empty: ProfileForMatch = { ...sri, seeking: [], workHistory: [], skills: [], languages: [], education: null, certificates: [], preferredSectors: [], preferredAreaCodes: [], homeProvinceCode: null, constraints: ['no_night_work', 'care_duties', 'cannot_relocate', 'no_transport'] };
    const worst = scoreMatch(empty, job({ hoursPerWeek: 60, workingHours: 'shift', areaCode: '94.71', requiredLanguages: ['en'] }));
    expect(worst.score).toBe(0);
    expect(scoreMatch(sri, job({})).score).toBeLessThanOrEqual(100);
  });

  it('asks for the languages the opening names', () => {
    const r = scoreMatch(sri, job({ requiredLanguages: ['zh', 'en'] }));
    expect(reason(r.reasons, 'language_held')?.detail).toEqual({ language: 'zh' });
    expect(reason(r.reasons, 'language_missing')?.detail).toEqual({ language: 'en' });
  });
});
