// "As of a date" in a real browser: the time control of the network view (slider, keyboard, play, All dates, URL hash
// that restores the date), an article view with a fixed `asof` (static SVG before scripts, then the live view with its
// control), and embed pages (`#asof=` in the frame's address). Later relations fade; earlier ones stay.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, watchErrors } from './browser.ts';

const NETWORK = '[data-network]';
const ARTICLE = 'the-october-2019-entity-list-additions';
/** The article's third view: `asof="2019-06"` (Huawei listed in May 2019, the Xinjiang listing of October not yet). */
const DATED_VIEW = `${ARTICLE}--3`;
/** Light theme's faded colour (theme.ts). */
const FADED = '#d6d6d6';
const day = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

let browser: Browser;
let context: BrowserContext;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
});
afterAll(async () => { await browser?.close(); });

/** What the live view attached to `host` draws for an edge (by its ends) and for a node: colour, hidden. */
function drawnState(page: Page, host: string, source: string, target: string, node: string) {
  return page.evaluate(([sel, s, t, n]) => {
    const v = (document.querySelector(sel) as any).kgView;
    const edge = v.graph.edge(s, t);
    const e = v.sigma.getEdgeDisplayData(edge);
    return { edge: e.hidden ? 'hidden' : e.color as string, node: v.sigma.getNodeDisplayData(n).color as string, asOf: v.asOf() as number | null };
  }, [host, source, target, node] as const);
}

/** Moves a range input the way a pointer drag does: a new value, then an `input` event. */
async function slideTo(page: Page, slider: string, value: number) {
  await page.locator(slider).evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

describe('time control on the network view', () => {
  it('moving the date before a relation starts fades it; the URL keeps the date and restores it', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base()}/graph/`);
    await page.waitForSelector(`${NETWORK}[data-ready]`);
    const control = page.locator(`${NETWORK} .kg-time`);
    await expect.poll(() => control.isVisible()).toBe(true);
    // The data covers 2019: the slider spans that year; no date chosen shows every relation.
    const slider = `${NETWORK} .kg-time-slider`;
    expect(await page.locator(slider).getAttribute('min')).toBe(String(day('2019-01-01')));
    expect(await page.locator(slider).getAttribute('max')).toBe(String(day('2019-12-31')));
    expect(await control.locator('.kg-time-value').textContent()).toBe('All dates');
    expect(await control.locator('.kg-time-all').isDisabled()).toBe(true);
    // Commerce -> Hikvision (sanctions) dates from 7 October 2019; Hikvision's relations all do.
    const state = () => drawnState(page, NETWORK, 'us-department-of-commerce', 'hikvision', 'hikvision');
    const before = await state();
    expect(before.edge).not.toBe(FADED);
    expect(before.node).not.toBe(FADED);
    const huawei = () => drawnState(page, NETWORK, 'us-department-of-commerce', 'huawei', 'huawei');
    expect((await huawei()).edge).not.toBe(FADED);

    // Drag to 6 October: the later relation and the entity left without any fade; Huawei's (May 2019) stays.
    await slideTo(page, slider, day('2019-10-06'));
    await expect.poll(state).toEqual({ edge: FADED, node: FADED, asOf: day('2019-10-06') });
    expect((await huawei()).edge).not.toBe(FADED);
    expect(await control.locator('.kg-time-value').textContent()).toBe('6 October 2019');
    expect(await page.locator(slider).getAttribute('aria-valuetext')).toBe('6 October 2019');
    await expect.poll(() => page.url()).toContain('asof=2019-10-06');
    await screenshot(page, 'time-network-2019-10-06');

    // The keyboard moves it a day: 7 October, the relation is in force again.
    await page.locator(slider).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(state).toEqual({ edge: before.edge, node: before.node, asOf: day('2019-10-07') });
    await expect.poll(() => page.url()).toContain('asof=2019-10-07');

    // Before May 2019 Huawei's listing fades too.
    await slideTo(page, slider, day('2019-05-15'));
    await expect.poll(async () => (await huawei()).edge).toBe(FADED);
    await screenshot(page, 'time-network-2019-05-15');

    // A shared link restores the date (a fresh page, the same address).
    const shared = page.url();
    const again = await context.newPage();
    await again.goto(shared);
    await again.waitForSelector(`${NETWORK}[data-ready]`);
    expect(await again.locator(slider).inputValue()).toBe(String(day('2019-05-15')));
    expect(await again.locator(`${NETWORK} .kg-time-value`).textContent()).toBe('15 May 2019');
    expect((await drawnState(again, NETWORK, 'us-department-of-commerce', 'huawei', 'huawei')).edge).toBe(FADED);
    // Editing the address (hashchange) moves it too.
    await again.evaluate(() => { location.hash = 'asof=2019-10-08'; });
    await expect.poll(() => again.locator(slider).inputValue()).toBe(String(day('2019-10-08')));
    expect((await drawnState(again, NETWORK, 'us-department-of-commerce', 'huawei', 'huawei')).edge).not.toBe(FADED);
    await again.close();

    // "All dates" clears the date from the view and the address.
    await control.locator('.kg-time-all').click();
    await expect.poll(state).toEqual({ ...before, asOf: null });
    await expect.poll(() => page.url()).not.toContain('asof');
    expect(await control.locator('.kg-time-value').textContent()).toBe('All dates');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Play runs through the year and can be stopped; the control passes axe', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base()}/graph/#asof=2019-01-01`);
    await page.waitForSelector(`${NETWORK}[data-ready]`);
    const play = page.locator(`${NETWORK} .kg-time-play`);
    const slider = page.locator(`${NETWORK} .kg-time-slider`);
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    expect(await play.textContent()).toBe('Pause');
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(day('2019-01-15'));
    await play.press('Enter');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const stopped = await slider.inputValue();
    await page.waitForTimeout(400);
    expect(await slider.inputValue()).toBe(stopped);
    // Played to the end it stops by itself, at the last day.
    await play.click();
    await expect.poll(() => play.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    expect(await slider.inputValue()).toBe(String(day('2019-12-31')));

    const results = await new AxeBuilder({ page }).include('.kg-time').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('local graphs', () => {
  it('an entity\'s local graph has the control when its relations have dates; moving it fades them', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base()}/entity/hikvision/`);
    const host = 'figure.kg-view-local';
    const figure = page.locator(host);
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-live')).toBe('ready');
    expect(await figure.locator('.kg-time-value').textContent()).toBe('All dates');
    // Ticks mark the days on which something changes (two steps away: Huawei's listing of 16 May 2019 too).
    expect(await figure.locator('.kg-time datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['2019-05-16', '2019-10-07', '2019-10-08'].map((x) => String(day(x))));
    await slideTo(page, `${host} .kg-time-slider`, day('2019-10-07'));
    // Hikvision opposed the listing on 8 October: not yet on the 7th; Commerce's listing of the 7th is in force.
    await expect.poll(async () => (await drawnState(page, host, 'hikvision', 'entity-list-additions-of-7-october-2019', 'hikvision')).edge).toBe(FADED);
    expect((await drawnState(page, host, 'us-department-of-commerce', 'hikvision', 'hikvision')).edge).not.toBe(FADED);
    await page.waitForTimeout(300);
    await figure.screenshot({ path: 'test-results/screenshots/time-entity-local.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a view with a fixed date (asof)', () => {
  it('without JavaScript the static drawing already shows the later relations faint, and says so', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base()}/entity/${ARTICLE}/`);
    const figure = page.locator(`figure[data-view="${DATED_VIEW}"]`);
    expect(await figure.locator('.kg-view-asof').textContent()).toMatch(/^As of June 2019/);
    // October's listing of Hikvision is faint, May's listing of Huawei is not.
    const edge = (title: RegExp) => figure.locator('svg path.kg-edge').filter({ has: page.locator('title', { hasText: title }) }).first();
    expect(await edge(/^United States Department of Commerce sanctions Hangzhou Hikvision/).getAttribute('class')).toContain('kg-out-of-time');
    expect(await edge(/^United States Department of Commerce sanctions Hangzhou Hikvision/).getAttribute('opacity')).toBe('0.2');
    expect(await edge(/^United States Department of Commerce sanctions Huawei/).getAttribute('class')).not.toContain('kg-out-of-time');
    expect(await figure.locator('svg a.kg-node[data-id="hikvision"]').getAttribute('class')).toContain('kg-out-of-time');
    expect(await figure.locator('svg a.kg-node[data-id="huawei"]').getAttribute('class')).not.toContain('kg-out-of-time');
    // The text alternative says it too.
    expect(await figure.locator('.kg-view-list li.kg-out-of-time').first().textContent()).toMatch(/not yet in force on June 2019\)$/);
    await figure.scrollIntoViewIfNeeded();
    await figure.screenshot({ path: 'test-results/screenshots/time-article-static.png' });
    await ctx.close();
  });

  it('the live view starts at its date with the later relation faded, and its control can move on', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base()}/entity/${ARTICLE}/`);
    const host = `figure[data-view="${DATED_VIEW}"]`;
    const figure = page.locator(host);
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-live')).toBe('ready');
    const june30 = day('2019-06-30');
    const hikvision = () => drawnState(page, host, 'us-department-of-commerce', 'hikvision', 'hikvision');
    expect(await hikvision()).toEqual({ edge: FADED, node: FADED, asOf: june30 });
    expect((await drawnState(page, host, 'us-department-of-commerce', 'huawei', 'huawei')).edge).not.toBe(FADED);
    expect(await figure.locator('.kg-time-value').textContent()).toBe('30 June 2019');
    // The static "as of" line gives way to the control.
    expect(await figure.locator('.kg-view-asof').isHidden()).toBe(true);
    await page.waitForTimeout(300);
    await figure.screenshot({ path: 'test-results/screenshots/time-article-live.png' });
    await slideTo(page, `${host} .kg-time-slider`, day('2019-10-07'));
    await expect.poll(async () => (await hikvision()).edge).not.toBe(FADED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('embed pages: a dated view starts at its date; #asof= in the address sets any view\'s date', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 640, height: 480 });
    await page.goto(`${base()}/embed/${DATED_VIEW}/`);
    const figure = 'figure.kg-view';
    await expect.poll(() => page.locator(figure).getAttribute('data-live')).toBe('ready');
    expect((await drawnState(page, figure, 'us-department-of-commerce', 'hikvision', 'hikvision')).edge).toBe(FADED);
    expect(await page.locator('.kg-time').isVisible()).toBe(true);
    // The control fits in the frame: nothing scrolls.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/time-embed.png' });

    await page.goto(`${base()}/embed/network/#asof=2019-10-06`);
    await expect.poll(() => page.locator(figure).getAttribute('data-live')).toBe('ready');
    expect(await drawnState(page, figure, 'us-department-of-commerce', 'hikvision', 'hikvision')).toEqual({ edge: FADED, node: FADED, asOf: day('2019-10-06') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
