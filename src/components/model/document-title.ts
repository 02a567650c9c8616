// The <title> of a page: "<page> · <site>", shortened so tabs and search results show it whole (about 65 characters; validators count entities too).

export const MAX_TITLE = 64;

export function documentTitle(title: string, siteTitle: string, max = MAX_TITLE): string {
  const page = title.trim() || siteTitle;
  if (page === siteTitle) return page;
  const full = `${page} · ${siteTitle}`;
  if (full.length <= max) return full;
  if (page.length <= max) return page;
  // Cut at a word boundary and mark the cut.
  const cut = page.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
