// Opening an entity's page from a view: in the top window when the view is framed (an embed on another site).
export function openPage(href: string, framed = window.top !== window.self): void {
  if (framed) {
    // Cross-origin parents forbid reading `top.location` but allow navigating it after a user gesture.
    try {
      window.top!.location.href = href;
      return;
    } catch {
      window.open(href, '_top');
      return;
    }
  }
  window.location.href = href;
}

export function entityUrl(base: string, id: string): string {
  return `${base}entity/${encodeURIComponent(id)}/`;
}
