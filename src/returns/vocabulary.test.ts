// The milestone order in both directions, as a rule table.
import { describe, expect, it } from 'vitest';
import { journeyStatuses, milestoneOrder, nextMilestones } from './vocabulary.js';

describe('milestones', () => {
  it('go one step at a time, home for an inbound journey and to the hand-over for an outbound one, with cancelling until the end', () => {
    expect(Object.fromEntries(journeyStatuses.map((s) => [s, nextMilestones('inbound', s)]))).toEqual({
      planned: ['documents_ready', 'cancelled'],
      documents_ready: ['departed', 'cancelled'],
      departed: ['arrived', 'cancelled'],
      arrived: ['reached_home', 'cancelled'],
      reached_home: [],
      handed_over: [],
      cancelled: [],
    });
    expect(Object.fromEntries(milestoneOrder.outbound.map((s) => [s, nextMilestones('outbound', s)]))).toEqual({
      planned: ['documents_ready', 'cancelled'],
      documents_ready: ['departed', 'cancelled'],
      departed: ['handed_over', 'cancelled'],
      handed_over: [],
    });
  });
});
