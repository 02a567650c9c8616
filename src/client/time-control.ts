// The time control of a graph view: a slider over the years its dated relations cover, the chosen date in words, a
// play button and "All dates". It shows the graph as it stood on that date (SigmaView.setAsOf: relations not yet
// begun or already ended fade). Views without dated relations get no control.
import { formatDate } from '../kg/dates.ts';
import { dayNumber, dayToDate } from '../kg/time-filter.ts';
import type { SigmaView } from './sigma-view.ts';
import { timeBounds, type ViewGraph } from './view-graph.ts';

export interface TimeControl {
  element: HTMLElement;
  /** Shows another date (null: all dates) without calling `onChange` (e.g. the URL changed). */
  set(day: number | null): void;
  /** Stops playing. */
  stop(): void;
}

export interface TimeControlOptions {
  /** The first date shown (null or absent: all dates). */
  initial?: number | null;
  onChange?: (day: number | null) => void;
  /** Visible heading of the control (default "As of"). */
  title?: string;
}

/** About this many steps take the play button from the first to the last day, one step per tick. */
const PLAY_STEPS = 60;
const PLAY_TICK_MS = 150;
/** Readers who ask for less motion get fewer, slower steps. */
const CALM_STEPS = 12;
const CALM_TICK_MS = 900;

let controls = 0;

/** Whole years around the dated relations, and one day before the first one, so the slider can show "before". */
export function sliderRange(bounds: { min: number; max: number }): { min: number; max: number } {
  const yearOf = (day: number) => dayToDate(day).slice(0, 4);
  return {
    min: Math.min(dayNumber(yearOf(bounds.min), 'first')!, bounds.min - 1),
    max: dayNumber(yearOf(bounds.max), 'last')!,
  };
}

/** Most tick marks under the slider (one per day on which a relation begins or ends). */
const MAX_TICKS = 60;

/** Days on which the graph changes: a relation begins, or the day after one ends. Ticks on the slider mark them. */
export function changeDays(graph: ViewGraph): number[] {
  const days = new Set<number>();
  graph.forEachEdge((_, a) => {
    for (const [, begin, end] of a.times ?? []) {
      if (begin !== null) days.add(begin);
      if (end !== null) days.add(end + 1);
    }
  });
  return [...days].sort((a, b) => a - b);
}

const words = (day: number | null) => (day === null ? 'All dates' : formatDate(dayToDate(day)));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Builds the control for a live view; undefined when the view has no dated relation. Insert `element` where it fits. */
export function createTimeControl(view: SigmaView, o: TimeControlOptions = {}): TimeControl | undefined {
  const bounds = timeBounds(view.graph);
  if (!bounds) return undefined;
  const range = sliderRange(bounds);
  const id = `kg-time-${++controls}`;
  const clamp = (d: number) => Math.min(range.max, Math.max(range.min, d));

  const slider = el('input', { type: 'range', id, className: 'kg-time-slider' });
  slider.min = String(range.min);
  slider.max = String(range.max);
  slider.step = '1';
  // Tick marks where something changes (browsers that draw them also snap a drag to them).
  const ticks = changeDays(view.graph).filter((d) => d >= range.min && d <= range.max);
  const list = el('datalist', { id: `${id}-ticks` }, ...(ticks.length <= MAX_TICKS ? ticks : []).map((d) => el('option', { value: String(d) })));
  slider.setAttribute('list', list.id);
  const value = el('span', { className: 'kg-time-value' });
  const play = el('button', { type: 'button', className: 'kg-time-play' });
  const all = el('button', { type: 'button', className: 'kg-time-all' }, 'All dates');
  const ends = el('span', { className: 'kg-time-ends' },
    el('span', {}, formatDate(dayToDate(range.min).slice(0, 7))), el('span', {}, formatDate(dayToDate(range.max).slice(0, 7))));
  const label = el('label', { htmlFor: id, className: 'kg-time-title' }, o.title ?? 'As of');
  const element = el('div', { className: 'kg-time' }, label, value, el('span', { className: 'kg-time-track' }, slider, list, ends), play, all);
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', 'Time: show the graph as it stood on a date');

  let timer: ReturnType<typeof setTimeout> | undefined;
  const playing = () => timer !== undefined;
  const showPlay = () => {
    play.textContent = playing() ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(playing()));
  };

  /** Draws a date: slider, words, the view; tells the page when the reader chose it. */
  const show = (day: number | null, byReader: boolean) => {
    const d = day === null ? null : clamp(Math.round(day));
    slider.value = String(d ?? range.max);
    slider.setAttribute('aria-valuetext', words(d));
    value.textContent = words(d);
    all.disabled = d === null;
    element.dataset.asof = d === null ? '' : dayToDate(d);
    view.setAsOf(d);
    if (byReader) o.onChange?.(d);
  };

  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    showPlay();
  };
  const start = () => {
    const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const step = Math.max(1, Math.ceil((range.max - range.min) / (calm ? CALM_STEPS : PLAY_STEPS)));
    // From the start again when at the end (or showing all dates).
    const from = view.asOf();
    if (from === null || from >= range.max) show(range.min, true);
    const tick = () => {
      const next = Math.min(range.max, (view.asOf() ?? range.min) + step);
      show(next, true);
      if (next >= range.max) stop();
      else timer = setTimeout(tick, calm ? CALM_TICK_MS : PLAY_TICK_MS);
    };
    timer = setTimeout(tick, calm ? CALM_TICK_MS : PLAY_TICK_MS);
    showPlay();
  };

  slider.addEventListener('input', () => { stop(); show(Number(slider.value), true); });
  play.addEventListener('click', () => (playing() ? stop() : start()));
  all.addEventListener('click', () => { stop(); show(null, true); slider.focus(); });
  showPlay();
  show(o.initial ?? null, false);

  return {
    element,
    set: (day) => { stop(); show(day, false); },
    stop,
  };
}
