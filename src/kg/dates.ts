// Dates in notes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the real calendar.

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** "7 October 2019", "October 2019" or "2019": how a date reads on a page (fixed locale, so builds are identical). */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const m = DATE.exec(value);
  if (!m) return value;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (!m[2]) return m[1];
  const month = months[Number(m[2]) - 1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}
