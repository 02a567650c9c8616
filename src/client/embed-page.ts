// Embed pages: the frame is already lazy on the host page, so the view comes alive at once.
// `#asof=2019-10-07` in the frame's address shows the graph as it stood on that date.
import { isValidDate } from '../kg/dates.ts';
import { mountView } from './view-island.ts';

const figure = document.querySelector<HTMLElement>('figure.kg-view[data-view]');
const asof = new URLSearchParams(location.hash.slice(1)).get('asof');
if (figure) void mountView(figure, { asof: asof && isValidDate(asof) ? asof : undefined });
