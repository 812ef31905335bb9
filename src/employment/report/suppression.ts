// Small-count suppression for the employment report. Import-free but for the vocabulary, so that
// the rules can be tested on their own.
//
// Primary suppression: every count below `suppressBelow` (5), zero included, is shown as "<5".
// Secondary (complementary) suppression: a table publishes cells and their totals; where a total
// is shown and exactly one of the values that add up to it is hidden, that value could be worked
// out by subtraction. So in every such group a second value is hidden as well: the smallest shown
// cell of the group (the total itself only when no cell is left), and this is repeated until no
// group has exactly one hidden value, since hiding a cell can expose another group it belongs to
// (its column as well as its row). Rates are hidden whenever their numerator or denominator is,
// since a rate times its denominator gives the numerator back; a median or quartile is hidden
// when the count it is computed from is.
// What this does not hide: hidden cells whose sum a total gives away as zero are each zero (a
// zero identifies nobody), and a determined reader combining many overlapping tables (other
// periods, other filters) could narrow a hidden cell down; the report shows only counts, never
// rows, and every request for it is audited.
import { suppressBelow } from '../vocabulary.js';

/** How a suppressed count reads, in the JSON and on the page. */
export const suppressedMark = `<${suppressBelow}` as const;
export type SuppressedMark = typeof suppressedMark;
/** A published count: a number of at least `suppressBelow`, or "<5". */
export type Count = number | SuppressedMark;

/** A count on its way to publication: its value and whether it will be hidden (and why). */
export interface Cell {
  value: number;
  /** Below the threshold. */
  primary: boolean;
  /** Hidden so that a primary one cannot be worked out from a total. */
  secondary: boolean;
}

export const cell = (value: number): Cell => ({ value, primary: value < suppressBelow, secondary: false });
export const hidden = (c: Cell) => c.primary || c.secondary;
/** What is published of a cell. */
export const show = (c: Cell): Count => (hidden(c) ? suppressedMark : c.value);
/** Primary suppression of a plain number. */
export const suppress = (n: number): Count => (n < suppressBelow ? suppressedMark : n);

/** Cells that add up (or, for distinct persons, relate) to a published total. */
export interface Group {
  cells: Cell[];
  total: Cell;
}

/**
 * Hides further cells until no group has exactly one hidden member (among its cells and its total).
 * Mutates the cells; returns how many were hidden by this step.
 */
export function complementarySuppression(groups: readonly Group[]): number {
  let added = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      if (!g.cells.length) continue;
      const members = [...g.cells, g.total];
      if (members.filter(hidden).length !== 1) continue;
      // The smallest shown cell loses least; the total only when every cell is hidden already.
      let pick: Cell | undefined;
      for (const c of g.cells) if (!hidden(c) && (!pick || c.value < pick.value)) pick = c;
      pick ??= g.total;
      pick.secondary = true;
      added++;
      changed = true;
    }
  }
  return added;
}

/** A share (0–1) or null when it would reveal a hidden count. */
export interface Rate {
  value: number | null;
  suppressed: boolean;
}

export function rate(numerator: Cell, denominator: Cell): Rate {
  if (hidden(numerator) || hidden(denominator) || denominator.value === 0) return { value: null, suppressed: true };
  return { value: Math.round((numerator.value / denominator.value) * 1000) / 1000, suppressed: false };
}
