// When sustainability surveys fall due: a number of months after arrival (default 3, 6 and 12),
// on the same day of the month, or the month's last day when it has no such day (31 May + 3
// months is 31 August; 30 November + 3 months is 28 or 29 February).

export const defaultSurveyMonths: readonly number[] = [3, 6, 12];

/** 'YYYY-MM-DD' plus whole months, clamped to the end of the month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface SurveyDue {
  /** 1 for the first survey. */
  round: number;
  monthsAfterArrival: number;
  dueOn: string;
}

/** The surveys due after an arrival date, in order; months must be positive whole numbers, each once. */
export function surveySchedule(arrivedOn: string, months: readonly number[] = defaultSurveyMonths): SurveyDue[] {
  const parsed = new Date(`${arrivedOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(arrivedOn) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== arrivedOn) throw new Error(`Not a date: ${arrivedOn}`);
  const sorted = [...months].sort((a, b) => a - b);
  if (sorted.some((n, i) => !Number.isInteger(n) || n < 1 || n > 120 || n === sorted[i - 1])) throw new Error('Survey months must be distinct whole numbers from 1 to 120.');
  return sorted.map((n, i) => ({ round: i + 1, monthsAfterArrival: n, dueOn: addMonths(arrivedOn, n) }));
}

/** 'YYYY-MM-DD' plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Checks the months an organisation sets for its surveys: 1–120, whole, distinct, at most six. Returns a field code or null. */
export function surveyMonthsProblem(months: readonly number[]): 'too_short' | 'too_long' | 'out_of_range' | 'duplicate' | null {
  if (months.length < 1) return 'too_short';
  if (months.length > maxSurveyRounds) return 'too_long';
  if (months.some((n) => !Number.isInteger(n) || n < 1 || n > 120)) return 'out_of_range';
  if (new Set(months).size !== months.length) return 'duplicate';
  return null;
}

/** At most this many surveys per arrival. */
export const maxSurveyRounds = 6;
