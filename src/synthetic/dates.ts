// Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so no time zone moves a day.

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return toIsoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
