/**
 * Pages the kiosk shows without the hub: a config problem, and "not connected" while the hub is being retried.
 * They are data: URLs so that nothing has to be packaged or served, and their CSP allows no script at all.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// The kiosk page's own colours (renderer/kiosk.css), so the switch between them does not flash.
const STYLE = `
  html, body { margin: 0; height: 100%; background: #f4f6fa; color: #14213d; font-family: system-ui, sans-serif; }
  body { display: flex; align-items: center; justify-content: center; user-select: none; cursor: none; }
  main { max-width: 80vw; text-align: center; }
  h1 { font-size: 5vmin; margin: 0 0 3vmin; color: #0b4f8a; }
  p { font-size: 3vmin; line-height: 1.4; color: #4a5670; }
  pre { text-align: left; font-size: 2.2vmin; white-space: pre-wrap; background: #fff; padding: 2vmin; border-radius: 12px; }
`;

function pageUrl(title: string, body: string, lang: 'id' | 'en'): string {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** For the technician: the config file's path and what is wrong with it, preformatted. */
export function configErrorPageUrl(title: string, detail: string): string {
  return pageUrl(title, `<pre>${escapeHtml(detail)}</pre>`, 'id');
}

// Same words as the kiosk page's offline screen (renderer/texts.ts), so citizens see one message.
const OFFLINE_TEXT = {
  id: {
    title: 'Mesin antrian sedang tidak terhubung',
    body: 'Mohon tunggu sebentar atau hubungi petugas Front Office. Tidak ada tiket yang dibuat.',
  },
  en: {
    title: 'The queue machine is offline',
    body: 'Please wait a moment or ask the Front Office officer. No ticket has been issued.',
  },
} as const;

/** For citizens, while the hub cannot be reached and its page is retried. */
export function offlinePageUrl(lang: 'id' | 'en'): string {
  const text = OFFLINE_TEXT[lang];
  return pageUrl(text.title, `<p>${escapeHtml(text.body)}</p>`, lang);
}
