// "Copy embed code" buttons in the Embed disclosures: shown only when scripts run, copy the snippet to the clipboard.
function copy(button: HTMLButtonElement, code: HTMLTextAreaElement): void {
  const done = (text: string) => {
    button.textContent = text;
    setTimeout(() => { button.textContent = 'Copy embed code'; }, 2000);
  };
  const fallback = () => { code.select(); done(document.execCommand?.('copy') ? 'Copied' : 'Select and copy the code'); };
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(code.value).then(() => done('Copied'), fallback);
  else fallback();
}

for (const details of document.querySelectorAll<HTMLDetailsElement>('details.kg-embed')) {
  const button = details.querySelector<HTMLButtonElement>('.kg-embed-copy');
  const code = details.querySelector<HTMLTextAreaElement>('.kg-embed-code');
  if (!button || !code) continue;
  button.hidden = false;
  button.addEventListener('click', () => copy(button, code));
  code.addEventListener('focus', () => code.select());
}

// A module, not a global script: its names stay its own.
export {};
