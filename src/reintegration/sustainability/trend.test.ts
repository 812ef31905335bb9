// The trend across surveys: oldest first by the day each was done, and on the same day in the order recorded.
import { describe, expect, it } from 'vitest';
import type { SurveyItem } from './schema.js';
import { trendOf } from './surveys.js';

const done = (id: string, conductedOn: string, composite: number): SurveyItem =>
  ({
    id,
    round: null,
    monthsAfterArrival: null,
    dueOn: null,
    status: 'done',
    overdue: false,
    conductedOn,
    conductedBy: null,
    model: null,
    scores: { economic: composite, social: composite, psychosocial: composite, composite, answered: 1 },
    taskId: null,
    version: 1,
  }) as SurveyItem;

describe('trendOf', () => {
  it('orders by the day done, then by when each was recorded, whatever the order of the list', () => {
    // The list order puts the unscheduled survey first (it has no due date to sort by).
    const items = [done('b', '2026-11-20', 1), done('a', '2026-11-20', 0.42), done('c', '2026-08-01', 0.3)];
    const recorded = new Map([
      ['a', Date.parse('2026-11-20T02:00:00Z')],
      ['b', Date.parse('2026-11-20T03:00:00Z')],
      ['c', Date.parse('2026-08-01T03:00:00Z')],
    ]);
    expect(trendOf(items, recorded).composite).toEqual([
      { on: '2026-08-01', score: 0.3 },
      { on: '2026-11-20', score: 0.42 },
      { on: '2026-11-20', score: 1 },
    ]);
  });

  it('leaves out surveys not done', () => {
    const scheduled = { ...done('d', '2026-12-01', 0.5), status: 'scheduled', conductedOn: null, scores: null } as SurveyItem;
    expect(trendOf([scheduled, done('e', '2026-10-01', 0.6)]).economic).toEqual([{ on: '2026-10-01', score: 0.6 }]);
  });
});
