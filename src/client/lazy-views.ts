// The only graph script a page loads up front (tiny): it waits until a view figure scrolls near the viewport, then
// imports the sigma code and that view's data. Pages without views, or readers who never scroll to one, load neither.
const figures = [...document.querySelectorAll<HTMLElement>('figure.kg-view[data-view], figure.kg-island[data-view]')];

function upgrade(figure: HTMLElement): void {
  import('./view-island.ts').then((m) => m.mountView(figure)).catch((error) => console.warn('Graph view stays static:', error));
}

if (figures.length) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        upgrade(entry.target as HTMLElement);
      }
    }, { rootMargin: '200px 0px' });
    for (const f of figures) observer.observe(f);
  } else {
    figures.forEach(upgrade);
  }
}

// A module, not a global script: its names stay its own.
export {};
