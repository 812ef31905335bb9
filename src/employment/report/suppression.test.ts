import { describe, expect, it } from 'vitest';
import { cell, complementarySuppression, hidden, rate, show, suppress, suppressedMark, type Cell } from './suppression.js';

const shown = (cells: Cell[]) => cells.map(show);

describe('primary suppression', () => {
  it('shows 5 and more, and "<5" for 0 to 4', () => {
    expect(suppressedMark).toBe('<5');
    expect([0, 1, 4, 5, 6, 120].map(suppress)).toEqual(['<5', '<5', '<5', 5, 6, 120]);
    expect([0, 4, 5].map((n) => show(cell(n)))).toEqual(['<5', '<5', 5]);
  });
});

describe('complementary suppression', () => {
  it('leaves a group alone when nothing is hidden, or when two or more are', () => {
    const a = [cell(7), cell(9)];
    expect(complementarySuppression([{ cells: a, total: cell(16) }])).toBe(0);
    const b = [cell(2), cell(3), cell(30)];
    expect(complementarySuppression([{ cells: b, total: cell(35) }])).toBe(0);
    expect(shown(b)).toEqual(['<5', '<5', 30]);
  });

  it('hides the smallest other cell when a lone hidden cell could be subtracted from the total', () => {
    const row = [cell(12), cell(3), cell(8), cell(20)];
    const total = cell(43);
    expect(complementarySuppression([{ cells: row, total }])).toBe(1);
    expect(shown(row)).toEqual([12, '<5', '<5', 20]);
    expect(row[2]).toMatchObject({ primary: false, secondary: true });
    expect(show(total)).toBe(43);
  });

  it('hides the total when the hidden cell is the only one', () => {
    const only = cell(4);
    const total = cell(4);
    // A total of 4 is hidden anyway; a group whose one cell is hidden by a neighbour's rule exposes its total.
    expect(complementarySuppression([{ cells: [only], total }])).toBe(0);
    const lone = cell(9);
    lone.secondary = true;
    const t = cell(9);
    expect(complementarySuppression([{ cells: [lone], total: t }])).toBe(1);
    expect(show(t)).toBe('<5');
  });

  it('follows a hidden cell into the other direction of a two-way table', () => {
    // rows r1, r2; columns c1, c2, c3.
    const t = [
      [cell(2), cell(10), cell(6)],
      [cell(9), cell(7), cell(11)],
    ];
    const rowTotals = t.map((r) => cell(r.reduce((a, c) => a + c.value, 0)));
    const colTotals = [0, 1, 2].map((j) => cell(t[0]![j]!.value + t[1]![j]!.value));
    const grand = cell(45);
    const groups = [
      ...t.map((r, i) => ({ cells: r, total: rowTotals[i]! })),
      ...[0, 1, 2].map((j) => ({ cells: [t[0]![j]!, t[1]![j]!], total: colTotals[j]! })),
      { cells: rowTotals, total: grand },
      { cells: colTotals, total: grand },
    ];
    complementarySuppression(groups);
    // Row 1 hides 6 beside the 2; column 1 hides the 9 under the 2; column 3 then hides the 11
    // under the 6; row 2 has 9 and 11 hidden already.
    expect(t.map(shown)).toEqual([
      ['<5', 10, '<5'],
      ['<5', 7, '<5'],
    ]);
    // No group is left with a single hidden member.
    for (const g of groups) expect([...g.cells, g.total].filter(hidden).length).not.toBe(1);
    expect(shown(rowTotals)).toEqual([18, 27]);
  });

  it('terminates on empty groups and on groups whose total alone is hidden', () => {
    expect(complementarySuppression([{ cells: [], total: cell(2) }])).toBe(0);
  });
});

describe('rates', () => {
  it('is the share, to three decimals, when both counts are shown', () => {
    expect(rate(cell(5), cell(15))).toEqual({ value: 0.333, suppressed: false });
    expect(rate(cell(20), cell(20))).toEqual({ value: 1, suppressed: false });
  });
  it('is null and suppressed when the denominator is hidden', () => {
    expect(rate(cell(0), cell(4))).toEqual({ value: null, suppressed: true });
    expect(rate(cell(4), cell(4))).toEqual({ value: null, suppressed: true });
  });
  it('is null and suppressed when the numerator is hidden, which the rate would give back', () => {
    expect(rate(cell(3), cell(40))).toEqual({ value: null, suppressed: true });
    const secondary = cell(12);
    secondary.secondary = true;
    expect(rate(secondary, cell(40))).toEqual({ value: null, suppressed: true });
  });
});
