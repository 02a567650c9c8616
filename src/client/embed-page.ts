// Embed pages: the frame is already lazy on the host page, so the view comes alive at once.
import { mountView } from './view-island.ts';

const figure = document.querySelector<HTMLElement>('figure.kg-view[data-view]');
if (figure) void mountView(figure);
