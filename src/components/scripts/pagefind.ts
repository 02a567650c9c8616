// Loads the Pagefind JS API from the site's own /pagefind/ folder (generated after the build), once per page.

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult { id: string; score: number; data(): Promise<PagefindResultData> }
export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch(q: string, o?: unknown, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<PagefindApi> | undefined;

/** The Pagefind module; rejects when the index is missing (e.g. the dev server, which has no /pagefind/). */
export function loadPagefind(base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    // A runtime URL Vite must not try to bundle.
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options({ baseUrl: base, excerptLength: 24 });
    await api.init();
    return api;
  })();
  return loading;
}
