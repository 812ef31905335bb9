// The plan's rules that need no server: progress moves, the comparison of an item with its
// origin, and the dimension suggested for a need.
import { describe, expect, it } from 'vitest';
import { needTypes } from '../../cases/needs.js';
import { isFull } from '../groups/vocabulary.js';
import { allowedItemMoves, compareItem, itemStatuses, planDimensionCodes, planDimensionOfNeed } from './vocabulary.js';

const base = { dimension: 'economic', what: 'Modal usaha', needId: null, delivery: 'direct', referralId: null, groupActivityId: null, budgetIdr: 1000, startOn: null, endOn: null };

describe('plan vocabulary', () => {
  it('moves items forward only, and ends them for good', () => {
    expect(Object.fromEntries(itemStatuses.map((s) => [s, allowedItemMoves(s)]))).toEqual({
      planned: ['in_progress', 'cancelled'],
      in_progress: ['completed', 'cancelled'],
      completed: [],
      cancelled: [],
    });
  });

  it('compares an item with its origin on content only', () => {
    expect(compareItem(base, null)).toEqual({ change: 'added', changedFields: [] });
    expect(compareItem(base, { ...base })).toEqual({ change: 'unchanged', changedFields: [] });
    expect(compareItem({ ...base, budgetIdr: 2000, what: 'Modal usaha warung' }, base)).toEqual({ change: 'changed', changedFields: ['what', 'budgetIdr'] });
    // undefined and null are the same absence
    expect(compareItem({ ...base, endOn: undefined }, base).change).toBe('unchanged');
  });

  it('suggests a plan dimension for every need type', () => {
    for (const t of needTypes) expect(planDimensionCodes).toContain(planDimensionOfNeed(t.code, t.dimension));
    expect(planDimensionOfNeed('shelter', 'social')).toBe('housing');
    expect(planDimensionOfNeed('documents', 'social')).toBe('documentation');
    expect(planDimensionOfNeed('education', 'social')).toBe('education');
    expect(planDimensionOfNeed('counselling', 'psychosocial')).toBe('psychosocial');
    expect(planDimensionOfNeed('relocation', 'safety')).toBe('housing');
  });

  it('calls an activity full at its capacity, never without one', () => {
    expect(isFull(11, 12)).toBe(false);
    expect(isFull(12, 12)).toBe(true);
    expect(isFull(13, 12)).toBe(true);
    expect(isFull(500, null)).toBe(false);
  });
});
