import { translator, type Lang } from '@giliran/ui';
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ComplaintFollow } from './complaint-follow.tsx';
import { ComplaintForm } from './complaint-form.tsx';
import { TEXTS } from './texts.ts';
import './complaint.css';

/** `/pengaduan` is the form; `/pengaduan/<code>` follows one complaint. */
function codeFromPath(path: string): string | null {
  const match = /^\/pengaduan\/([^/]+)\/?$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function ComplaintPage() {
  // Indonesian first; English by the button or `?lang=en`, kept when moving from the form to the status.
  const [lang, setLang] = useState<Lang>(
    new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id',
  );
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const code = codeFromPath(location.pathname);
  return (
    <div class="pgd" lang={lang}>
      <header class="pgd-top">
        <a class="pgd-brand" href={`/pengaduan${lang === 'en' ? '?lang=en' : ''}`}>
          {t('title')}
        </a>
        <button
          type="button"
          class="pgd-lang"
          onClick={() => {
            setLang(lang === 'id' ? 'en' : 'id');
          }}
        >
          {lang === 'id' ? 'English' : 'Indonesia'}
        </button>
      </header>
      {code ? <ComplaintFollow code={code} lang={lang} t={t} /> : <ComplaintForm lang={lang} t={t} />}
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<ComplaintPage />, root);
