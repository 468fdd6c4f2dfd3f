import { pick, type Dictionary, type Lang } from './i18n.ts';

/**
 * A kiosk, display or survey tablet in a plain browser keeps its device token in its own storage; no address
 * carries it. The demo's shortcut `?token=demo-kiosk` is taken into storage once and removed from the address bar
 * (and so from history and bookmarks); a real hub refuses such an address anyway. An Electron shell hands its token
 * over in the fragment (`#token=…`), which never leaves the PC (no request, no proxy or hub log carries it): taken
 * and removed the same way.
 */
export function takeTokenFromAddress(
  storageKey: string,
  win: Pick<Window, 'location' | 'history' | 'localStorage'> = window,
): string | null {
  const url = new URL(win.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const given = url.searchParams.get('token') ?? fragment.get('token');
  if (given) {
    win.localStorage.setItem(storageKey, given);
    url.searchParams.delete('token');
    fragment.delete('token');
    const hash = fragment.toString();
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`);
  }
  return win.localStorage.getItem(storageKey);
}

type PairingText = 'title' | 'hint' | 'label' | 'submit' | 'busy' | 'network';

const TEXTS: Dictionary<PairingText> = {
  title: { id: 'Pasangkan perangkat ini', en: 'Pair this device' },
  hint: {
    id: 'Minta kode pemasangan kepada admin (halaman MOD › Pengaturan › Perangkat), lalu ketik di sini. Cukup sekali.',
    en: 'Ask the admin for a pairing code (MOD page › Settings › Devices) and type it here. Once is enough.',
  },
  label: { id: 'Kode pemasangan', en: 'Pairing code' },
  submit: { id: 'Pasangkan', en: 'Pair' },
  busy: { id: 'Memasangkan…', en: 'Pairing…' },
  network: { id: 'Hub tidak dapat dihubungi. Coba lagi.', en: 'The hub cannot be reached. Try again.' },
};

interface PairAnswer {
  readonly token?: string;
  readonly error?: { readonly message?: { readonly id: string; readonly en: string } };
}

/**
 * The page's first screen when it has no token: one field for the admin's code. A good code is traded at
 * `POST /api/devices/pair` for the token, which is stored under `storageKey`; then `onPaired` starts the page.
 */
export function showPairingForm(
  root: HTMLElement,
  options: { readonly storageKey: string; readonly lang: Lang; readonly onPaired: () => void },
): void {
  const t = (key: PairingText) => pick(TEXTS[key], options.lang);
  const form = document.createElement('form');
  form.className = 'device-pairing';
  form.setAttribute('data-testid', 'pairing-form');
  form.style.cssText =
    'max-width:32rem;margin:12vh auto;padding:2rem;font:1.25rem system-ui,sans-serif;display:grid;gap:1rem;' +
    'background:#fff;border-radius:1rem;box-shadow:0 4px 24px rgba(0,0,0,.12);color:#14213d';
  const title = document.createElement('h1');
  title.textContent = t('title');
  title.style.margin = '0';
  const hint = document.createElement('p');
  hint.textContent = t('hint');
  hint.style.margin = '0';
  const label = document.createElement('label');
  label.textContent = t('label');
  label.htmlFor = 'pairing-code';
  const input = document.createElement('input');
  input.id = 'pairing-code';
  input.name = 'code';
  input.autocomplete = 'off';
  input.placeholder = 'ABCD-EFGH';
  input.setAttribute('data-testid', 'pairing-code');
  input.style.cssText =
    'font:2rem ui-monospace,monospace;letter-spacing:.15em;padding:.5rem;text-transform:uppercase';
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = t('submit');
  button.setAttribute('data-testid', 'pairing-submit');
  button.style.cssText = 'font:inherit;font-weight:700;padding:.75rem;border-radius:.5rem';
  const status = document.createElement('p');
  status.setAttribute('role', 'alert');
  status.style.cssText = 'margin:0;color:#b00020;min-height:1.5em';
  form.append(title, hint, label, input, button, status);
  root.replaceChildren(form);
  input.focus();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = t('busy');
    void pair(input.value).then((answer) => {
      button.disabled = false;
      if (answer.token) {
        localStorage.setItem(options.storageKey, answer.token);
        options.onPaired();
        return;
      }
      const message = answer.error?.message;
      status.textContent = message ? pick(message, options.lang) : t('network');
    });
  });
}

async function pair(code: string): Promise<PairAnswer> {
  try {
    const response = await fetch('/api/devices/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return (await response.json()) as PairAnswer;
  } catch {
    return {};
  }
}
