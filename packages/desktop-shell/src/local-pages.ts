/**
 * Pages a shell shows without the hub: a config problem, and "not connected" while the hub is being retried.
 * They are data: URLs so that nothing has to be packaged or served, and their CSP allows no script at all.
 */

export type PageLanguage = 'id' | 'en';

/** The colours of the shell's hub page, so the switch between it and a local page does not flash. */
export interface PageLook {
  readonly background: string;
  readonly text: string;
  readonly heading: string;
  readonly muted: string;
  /** Behind the preformatted config details. */
  readonly panel: string;
}

export interface PageText {
  readonly title: string;
  readonly body: string;
}

export interface LocalPagesSpec {
  readonly look: PageLook;
  /** What citizens read while the hub is retried: the same words as the hub page's own offline screen. */
  readonly offline: Readonly<Record<PageLanguage, PageText>>;
}

export interface LocalPages {
  /** For the technician: the config file's path and what is wrong with it, preformatted. */
  readonly configErrorPageUrl: (title: string, detail: string) => string;
  /** For citizens, while the hub cannot be reached and its page is retried. */
  readonly offlinePageUrl: (lang: PageLanguage) => string;
}

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

function style(look: PageLook): string {
  return `
  html, body { margin: 0; height: 100%; background: ${look.background}; color: ${look.text}; font-family: system-ui, sans-serif; }
  body { display: flex; align-items: center; justify-content: center; user-select: none; cursor: none; }
  main { max-width: 80vw; text-align: center; }
  h1 { font-size: 5vmin; margin: 0 0 3vmin; color: ${look.heading}; }
  p { font-size: 3vmin; line-height: 1.4; color: ${look.muted}; }
  pre { text-align: left; font-size: 2.2vmin; white-space: pre-wrap; background: ${look.panel}; padding: 2vmin; border-radius: 12px; }
`;
}

function pageUrl(look: PageLook, title: string, body: string, lang: PageLanguage): string {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${style(look)}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** The two local pages in one shell's colours and words. */
export function createLocalPages(spec: LocalPagesSpec): LocalPages {
  return {
    configErrorPageUrl: (title, detail) =>
      pageUrl(spec.look, title, `<pre>${escapeHtml(detail)}</pre>`, 'id'),
    offlinePageUrl: (lang) => {
      const text = spec.offline[lang];
      return pageUrl(spec.look, text.title, `<p>${escapeHtml(text.body)}</p>`, lang);
    },
  };
}
