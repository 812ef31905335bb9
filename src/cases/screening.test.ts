import { describe, expect, it } from 'vitest';
import { dimensionOf, needDimensions, needSeverities, needTypes, needTypesOf, severityRank } from './needs.js';
import { codesOf, determinations, exploitationTypes, industries, labelOf, meansOfControl, recruiterRelationships, recruitmentMethods, screeningPicklists, type PicklistItem } from './screening.js';

const lists: Record<string, readonly PicklistItem[]> = { ...screeningPicklists, needDimensions, needTypes, needSeverities };

describe('picklists', () => {
  for (const [name, list] of Object.entries(lists)) {
    it(`${name}: unique snake_case codes, both labels non-empty`, () => {
      expect(list.length).toBeGreaterThan(0);
      const codes = list.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const i of list) {
        expect(i.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(i.label.en.trim()).not.toBe('');
        expect(i.label.id.trim()).not.toBe('');
      }
    });
  }

  it('open-ended lists end with other', () => {
    for (const list of [exploitationTypes, meansOfControl, recruitmentMethods, recruiterRelationships]) expect(list.map((i) => i.code)).toContain('other');
  });

  it('hold the values practice needs', () => {
    expect(codesOf(exploitationTypes)).toEqual(expect.arrayContaining(['forced_labour', 'sexual_exploitation', 'forced_marriage', 'forced_criminal_activity', 'domestic_servitude', 'organ_removal', 'begging', 'military_or_armed_groups', 'online_scam_compound']));
    expect(codesOf(meansOfControl)).toEqual(expect.arrayContaining(['threats', 'physical_violence', 'sexual_violence', 'psychological_abuse', 'withholding_documents', 'withholding_wages', 'debt_bondage', 'restriction_of_movement', 'isolation', 'false_promises', 'excessive_working_hours', 'threats_against_family', 'substance_use']));
    expect(codesOf(recruitmentMethods)).toEqual(expect.arrayContaining(['personal_contact', 'family_or_friend', 'recruitment_agency', 'online_advertisement', 'social_media', 'job_fair']));
    expect(codesOf(recruiterRelationships)).toEqual(expect.arrayContaining(['family', 'intimate_partner', 'friend', 'acquaintance', 'employer', 'agency', 'stranger']));
    expect(codesOf(determinations)).toEqual(['presumed', 'confirmed', 'not_a_victim']);
  });

  it('industries are the ISIC Rev.4 sections A to U, in order', () => {
    expect(industries.map((i) => i.isic).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(industries.find((i) => i.isic === 'T')?.code).toBe('households_as_employers');
  });

  it('CTDC variable names are unique where given', () => {
    for (const list of Object.values(screeningPicklists)) {
      const names = (list as readonly PicklistItem[]).flatMap((i) => (i.ctdc ? [i.ctdc] : []));
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('looks up labels', () => {
    expect(labelOf(meansOfControl, 'debt_bondage', 'id')).toBe('Jeratan utang');
    expect(labelOf(meansOfControl, 'debt_bondage', 'en')).toBe('Debt bondage');
    expect(labelOf(meansOfControl, 'nope', 'en')).toBeUndefined();
  });
});

describe('needs', () => {
  it('has the six dimensions, each with need types', () => {
    expect(needDimensions.map((d) => d.code)).toEqual(['economic', 'social', 'psychosocial', 'health', 'legal', 'safety']);
    for (const d of needDimensions) expect(needTypesOf(d.code).length).toBeGreaterThan(0);
    expect(needDimensions.flatMap((d) => needTypesOf(d.code)).length).toBe(needTypes.length);
  });

  it('maps need types to their dimension', () => {
    expect(needTypesOf('economic')).toEqual(['livelihood', 'job_placement', 'vocational_training', 'microbusiness_grant', 'debt']);
    expect(needTypesOf('safety')).toEqual(['protection', 'relocation']);
    expect(dimensionOf('restitution')).toBe('legal');
    expect(dimensionOf('community_acceptance')).toBe('psychosocial');
  });

  it('severities are ordered', () => {
    expect(needSeverities.map((s) => s.code)).toEqual(['low', 'moderate', 'high', 'critical']);
    const ranks = needSeverities.map((s) => severityRank[s.code]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});
