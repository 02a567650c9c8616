// "As of a date": which relations were in force on a given day. Shared by the build (a view's fixed `asof`, its static
// SVG) and the browser (the time control), so both draw the same state. No Node imports: the client bundles it.
//
// Dates are day numbers (days since 1970-01-01, UTC), so the browser compares integers. A partial date covers its
// whole period: a relation that starts "2019-10" counts from 1 October, one that ends "2019" until 31 December (shown
// on every day it may have been in force). `date` alone means the relation began that day and still holds.

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

/** Active from `begin` through `end`, both inclusive day numbers; null = open-ended on that side. */
export interface TimeSpan {
  begin: number | null;
  end: number | null;
}

/**
 * Day number of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date: its first day, or its last with `edge: 'last'`.
 * Undefined for anything else (dates are validated before they get here; bad input must not throw).
 */
export function dayNumber(date: string, edge: 'first' | 'last' = 'first'): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) return Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (m[2]) return edge === 'first' ? Date.UTC(year, Number(m[2]) - 1, 1) / DAY_MS : Date.UTC(year, Number(m[2]), 0) / DAY_MS;
  return edge === 'first' ? Date.UTC(year, 0, 1) / DAY_MS : Date.UTC(year, 11, 31) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** When a relation holds; undefined for an undated one (always shown). */
export function relationSpan(r: { date?: string; start?: string; end?: string }): TimeSpan | undefined {
  const begin = r.date ?? r.start;
  if (begin === undefined && r.end === undefined) return undefined;
  return {
    begin: begin === undefined ? null : dayNumber(begin, 'first') ?? null,
    // `date` is when it began: it stays, unless an `end` says otherwise.
    end: r.end === undefined ? null : dayNumber(r.end, 'last') ?? null,
  };
}

/** Whether a span (undefined: undated) is in force on `day`. */
export function activeOn(span: TimeSpan | undefined, day: number): boolean {
  return !span || ((span.begin === null || span.begin <= day) && (span.end === null || day <= span.end));
}

/**
 * The day an `asof` option names: a full date is that day; a partial one its last day ("2019-10" = the graph as it
 * stood at the end of October 2019).
 */
export function asOfDay(asof: string): number | undefined {
  return dayNumber(asof, 'last');
}

/** Whether a relation (or any edge's attributes) was in force as of a date. */
export function isActiveAsOf(r: { date?: string; start?: string; end?: string }, asof: string): boolean {
  const day = asOfDay(asof);
  return day === undefined || activeOn(relationSpan(r), day);
}
