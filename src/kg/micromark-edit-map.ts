// micromark applies container edits with EditMap.consume, which rebuilds the whole event list on every call: a note
// with thousands of list items took minutes (quadratic). This replaces consume with one that rebuilds only from the
// first edit on: the same events in the same order, in time proportional to what changed.
import { EditMap } from 'micromark-util-edit-map';

type Event = unknown;
type Change = [at: number, remove: number, add: Event[]];

/** The same result as micromark's own consume (edits sorted by index, applied front to back), without the full copy. */
export function consumeEdits(this: { map: Change[]; index: Map<number, Change> }, events: Event[]): void {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const first = this.map[0][0];
  const out: Event[] = [];
  let pos = first;
  for (const [at, remove, add] of this.map) {
    for (let i = pos; i < at && i < events.length; i++) out.push(events[i]);
    for (const e of add) out.push(e);
    pos = at + remove;
  }
  for (let i = pos; i < events.length; i++) out.push(events[i]);
  events.length = Math.min(first, events.length);
  for (const e of out) events.push(e);
  this.map.length = 0;
  this.index.clear();
}

// The original is kept on the prototype, so loading this module twice (tests reset modules) still finds micromark's own.
const ORIGINAL = Symbol.for('kg.micromark-edit-map.original-consume');
const proto = EditMap.prototype as unknown as { consume: typeof consumeEdits; [ORIGINAL]?: typeof consumeEdits };
proto[ORIGINAL] ??= proto.consume;
/** micromark's own consume, for the test that compares the two. */
export const originalConsume = proto[ORIGINAL];
proto.consume = consumeEdits;
