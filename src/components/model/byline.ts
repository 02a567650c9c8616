// An article's byline as text: "By A, B and C" (the authors that are non-empty strings), or undefined without any.

export function bylineAuthors(authors: unknown): string | undefined {
  const names = (Array.isArray(authors) ? authors : []).filter((a): a is string => typeof a === 'string' && a.trim() !== '');
  return names.length ? `By ${names.join(', ').replace(/, ([^,]*)$/, ' and $1')}` : undefined;
}
