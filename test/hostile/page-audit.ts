// Loads a page in Chromium and reports everything that should never happen on it: a dialog (alert/confirm/prompt),
// a Content-Security-Policy violation, a page error, and any injected script, frame, object, base, meta refresh,
// event-handler attribute or script URL left in the live DOM after the page's own scripts ran.
import type { BrowserContext, Page } from 'playwright-core';

export interface Audit {
  dialogs: string[];
  violations: string[];
  errors: string[];
  injected: string[];
}

/** Runs in the page: the live DOM checked element by element. Same-origin module scripts and JSON-LD are the site's own. */
function auditDom(): string[] {
  const out: string[] = [];
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 50)}"`).join('')}>`;
  const scriptUrl = (v: string) => /^(javascript|vbscript|data):/i.test(v.replace(/[\u0000-\u0020]/g, ''));
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script') {
      const s = el as HTMLScriptElement;
      const own = (s.type === 'module' && s.src && new URL(s.src).origin === location.origin) || s.type === 'application/ld+json';
      if (!own) out.push(`script ${describe(el)}`);
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'style'].includes(tag)) out.push(`element ${describe(el)}`);
    if (tag === 'base' && el.hasAttribute('href')) out.push(`base ${describe(el)}`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) out.push(`meta ${describe(el)}`);
    if (tag === 'link' && !/^(stylesheet|icon|canonical|alternate|preload|modulepreload|manifest|sitemap)$/i.test(el.getAttribute('rel') ?? '')) out.push(`link ${describe(el)}`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) out.push(`handler ${describe(el)}`);
      if (/^(href|src|xlink:href|action|formaction|poster|data|srcset|background)$/i.test(a.name) && scriptUrl(a.value)
        && !(tag === 'img' && /^data:image\//i.test(a.value.trim()))) out.push(`url ${describe(el)}`);
    }
  }
  return out;
}

/** Opens `url` in a fresh page of `context`, lets its scripts run, and audits it. */
export async function auditPage(context: BrowserContext, url: string, act?: (page: Page) => Promise<void>): Promise<Audit> {
  const page = await context.newPage();
  const audit: Audit = { dialogs: [], violations: [], errors: [], injected: [] };
  page.on('dialog', (d) => { audit.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  page.on('pageerror', (e) => audit.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text())) audit.errors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) audit.violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { kgViolations?: string[] }).kgViolations ??= [];
      (window as unknown as { kgViolations: string[] }).kgViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (act) await act(page);
  // Let deferred work (island upgrades, idle callbacks, timers) run before the DOM is judged.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(100);
  audit.violations.push(...await page.evaluate(() => (window as unknown as { kgViolations?: string[] }).kgViolations ?? []));
  audit.injected.push(...await page.evaluate(auditDom));
  await page.close();
  return audit;
}

/** Audits many pages, a few at a time; returns one line per problem (`path kind: detail`). */
export async function auditPages(context: BrowserContext, origin: string, paths: string[], concurrency = 3): Promise<string[]> {
  const problems: string[] = [];
  const queue = [...paths];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const a = await auditPage(context, `${origin}${path}`);
      for (const [kind, list] of Object.entries(a)) for (const x of list) problems.push(`${path} ${kind}: ${x}`);
    }
  }));
  return problems.sort();
}
