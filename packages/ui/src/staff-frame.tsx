import type { ComponentChildren, VNode } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { pick, translator, type Lang, type Localized } from './i18n.ts';
import type { StaffSession, StaffSessions } from './staff-session.ts';
import { StaffSignIn } from './staff-sign-in.tsx';
import { STAFF_SIGN_IN_TEXTS } from './staff-sign-in-text.ts';

/** What a signed-in staff page is handed by StaffPage. */
export interface SignedInPage {
  readonly session: StaffSession;
  readonly lang: Lang;
  readonly onLang: () => void;
  /** Back to the sign-in; `ended`: the server had already ended the session, and the form says so. */
  readonly onSignOut: (ended?: boolean) => void;
}

export interface StaffPageProps {
  /** The page's session.ts: `staffSessions(page, roles)`. */
  readonly sessions: StaffSessions;
  readonly signInTitle: Localized;
  /** Said to an account whose role the page does not serve: who the page is for. */
  readonly wrongRole: Localized;
  readonly children: (page: SignedInPage) => VNode;
}

/**
 * A staff page's outer frame (MOD, FO, /mobile, /pusat): the language choice kept across visits, the sign-in form
 * while nobody is signed in, and the page itself with its session once somebody is.
 */
export function StaffPage({ sessions, signInTitle, wrongRole, children }: StaffPageProps) {
  const [lang, setLang] = useState<Lang>(sessions.initialLang);
  const [session, setSession] = useState<StaffSession | null>(sessions.storedSession);
  const [ended, setEnded] = useState(false);
  const onLang = useCallback(() => {
    setLang((current) => {
      const next = current === 'id' ? 'en' : 'id';
      sessions.saveLang(next);
      return next;
    });
  }, [sessions]);
  if (!session)
    return (
      <StaffSignIn
        title={pick(signInTitle, lang)}
        wrongRole={pick(wrongRole, lang)}
        notice={ended ? pick(STAFF_SIGN_IN_TEXTS.sessionEnded, lang) : null}
        signIn={sessions.signIn}
        onSignedIn={setSession}
        lang={lang}
        onLang={onLang}
      />
    );
  return children({
    session,
    lang,
    onLang,
    onSignOut: (wasEnded = false) => {
      void sessions.signOut(session);
      setEnded(wasEnded);
      setSession(null);
    },
  });
}

export interface StaffHeaderProps<T extends string> {
  /** The page's class prefix (mod, pusat, fo, mb): the header keeps each page's own look of its tabs. */
  readonly prefix: string;
  /** The page's name and where it is, at the left. */
  readonly title: ComponentChildren;
  readonly tabs?: readonly { readonly id: T; readonly label: string }[];
  readonly tab?: T;
  readonly onTab?: (id: T) => void;
  /** Beside the buttons at the right: who is signed in, the connection, the clock. */
  readonly who: ComponentChildren;
  readonly lang: Lang;
  readonly onLang: () => void;
  readonly onSignOut: () => void;
}

/** The staff pages' header: title, the page's tabs, who is signed in, the language switch and sign-out. */
export function StaffHeader<T extends string>(props: StaffHeaderProps<T>) {
  const { prefix, tabs, tab, onTab } = props;
  const t = translator(STAFF_SIGN_IN_TEXTS, props.lang);
  return (
    <header class={`${prefix}-top`}>
      {props.title}
      {tabs && (
        <nav class={`${prefix}-tabs`} aria-label="tabs">
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              class={`${prefix}-tab ${tab === id ? `${prefix}-tab-on` : ''}`}
              data-tab={id}
              aria-pressed={tab === id}
              onClick={() => {
                onTab?.(id);
              }}
            >
              {label}
            </button>
          ))}
        </nav>
      )}
      <div class={`${prefix}-who`}>
        {props.who}
        <button type="button" class={`${prefix}-btn ${prefix}-btn-ghost`} onClick={props.onLang}>
          {t('language')}
        </button>
        <button type="button" class={`${prefix}-btn ${prefix}-btn-ghost`} onClick={props.onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
