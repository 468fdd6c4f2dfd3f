import { SKM_UNSUR, SKM_UNSUR_COUNT } from '@giliran/domain';
import { newIdempotencyKey, pick, translator, type Lang } from '@giliran/ui';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { Busy, Refused, Thanks } from './screens/outcome-screens.tsx';
import { QuestionScreen } from './screens/question-screen.tsx';
import { RespondentScreen } from './screens/respondent-screen.tsx';
import { ServiceChoice } from './screens/service-choice.tsx';
import { StartScreen } from './screens/start-screen.tsx';
import { loadServices, loadSite, lookUpTicket, submitSurvey } from './survey-api.ts';
import { ticketRefFrom, type SurveyConfig } from './survey-config.ts';
import {
  completeAnswers,
  completeRespondent,
  initialSurvey,
  surveyReducer,
  type Subject,
} from './survey-state.ts';
import { TEXTS } from './texts.ts';
import type { ServiceView } from './wire.ts';

/** A kiosk left mid-survey goes back to the start, so the next citizen does not finish someone else's answers. */
const IDLE_MS = 90_000;
const THANKS_MS = 15_000;
/** Codes that mean "typed wrong", answered on the start screen rather than as a refusal. */
const TYPO_CODES = new Set(['TICKET_NOT_FOUND', 'VALIDATION_FAILED']);

/** The letters a ticket code is made of (no I or O, which read as 1 and 0): the keypad types codes. */
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.match(/[A-Z]/g) ?? [];

export function SurveyApp({ config }: { config: SurveyConfig }) {
  const kiosk = config.deviceToken !== null;
  const [lang, setLang] = useState<Lang>(config.language);
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const [state, dispatch] = useReducer(surveyReducer, undefined, () => initialSurvey(newIdempotencyKey()));
  const [siteName, setSiteName] = useState('');
  const [services, setServices] = useState<ServiceView[]>([]);
  const [lastTouch, setLastTouch] = useState(Date.now());
  const sending = useRef(false);

  const restart = useCallback(() => {
    dispatch({ type: 'reset', key: newIdempotencyKey() });
    if (kiosk) setLang(config.language);
  }, [kiosk, config.language]);

  const check = useCallback(
    async (input: string) => {
      const ref = ticketRefFrom(input);
      if (ref === '') return;
      dispatch({ type: 'checking' });
      const outcome = await lookUpTicket(config, ref);
      if (outcome.ok) dispatch({ type: 'subject', subject: { kind: 'ticket', ref, ticket: outcome.data } });
      else if (outcome.code === 'NETWORK') dispatch({ type: 'not-found', message: TEXTS.network });
      else if (TYPO_CODES.has(outcome.code))
        dispatch({ type: 'not-found', message: kiosk ? TEXTS.notFound : TEXTS.codeNotFound });
      // The printed number typed on a phone: told on the start screen what the survey needs instead.
      else if (outcome.code === 'SKM_CODE_REQUIRED')
        dispatch({ type: 'not-found', message: outcome.message ?? TEXTS.codeNotFound });
      else dispatch({ type: 'refused', message: outcome.message ?? TEXTS.network });
    },
    [config, kiosk],
  );

  useEffect(() => {
    if (kiosk) {
      void loadSite(config).then((outcome) => {
        if (outcome.ok) setSiteName(outcome.data.name);
      });
      void loadServices(config).then((outcome) => {
        if (outcome.ok) setServices(outcome.data);
      });
    }
    if (config.ticket !== null) void check(config.ticket);
  }, [config, kiosk, check]);

  const step = state.step;
  useEffect(() => {
    if (!kiosk || step.name === 'start' || step.name === 'sending' || step.name === 'checking') return;
    const timer = setTimeout(restart, step.name === 'thanks' ? THANKS_MS : IDLE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [kiosk, step, lastTouch, restart]);

  const send = async () => {
    const answers = completeAnswers(state.answers);
    const respondent = completeRespondent(state.respondent);
    if (!answers || !respondent || !state.subject || sending.current) return;
    sending.current = true;
    dispatch({ type: 'sending' });
    const target =
      state.subject.kind === 'ticket'
        ? { ticket: state.subject.ref }
        : { serviceId: state.subject.serviceId };
    const suggestion = state.suggestion.trim();
    const outcome = await submitSurvey(
      config,
      { ...target, answers, respondent, ...(suggestion !== '' ? { suggestion } : {}) },
      state.key,
    );
    sending.current = false;
    if (outcome.ok) dispatch({ type: 'sent' });
    else if (outcome.code === 'NETWORK') dispatch({ type: 'failed', message: TEXTS.network });
    else dispatch({ type: 'refused', message: outcome.message ?? TEXTS.network });
  };

  const about = (subject: Subject | null): string => {
    if (!subject) return '';
    if (subject.kind === 'ticket') {
      return t('ticketFor', {
        number: subject.ticket.number,
        service: pick(subject.ticket.service.name, lang),
      });
    }
    return t('serviceOnly', { service: pick(subject.serviceName, lang) });
  };
  const unsur = step.name === 'question' ? SKM_UNSUR[step.index] : undefined;

  return (
    <div
      class={`kiosk survey${kiosk ? ' survey-kiosk' : ' survey-public'}`}
      lang={lang}
      onPointerDown={() => {
        setLastTouch(Date.now());
      }}
    >
      <header class="top-bar">
        <div class="brand">
          <span class="brand-mark">SKM</span>
          <span class="survey-brand-text">
            <span class="brand-name">{t('title')}</span>
            {siteName !== '' && <span class="survey-site">{siteName}</span>}
          </span>
        </div>
        <button
          type="button"
          class="lang-button"
          data-testid="lang"
          onClick={() => {
            setLang(lang === 'id' ? 'en' : 'id');
          }}
        >
          {t('language')}
        </button>
      </header>
      <main class="content">
        {step.name === 'start' ? (
          <StartScreen
            kiosk={kiosk}
            letters={CODE_LETTERS}
            error={step.error}
            lang={lang}
            t={t}
            onTicket={(input) => void check(input)}
            onWithoutTicket={() => {
              dispatch({ type: 'without-ticket' });
            }}
          />
        ) : step.name === 'checking' ? (
          <Busy label={t('checking')} />
        ) : step.name === 'service' ? (
          <ServiceChoice
            services={services}
            lang={lang}
            t={t}
            onChoose={(service) => {
              dispatch({
                type: 'subject',
                subject: {
                  kind: 'service',
                  serviceId: service.id,
                  serviceName: service.name,
                  agencyName: service.agency.name,
                },
              });
            }}
            onBack={restart}
          />
        ) : step.name === 'question' && unsur !== undefined ? (
          <QuestionScreen
            key={step.index}
            unsur={unsur}
            index={step.index}
            total={SKM_UNSUR_COUNT}
            chosen={state.answers[step.index] ?? null}
            about={about(state.subject)}
            lang={lang}
            t={t}
            onAnswer={(score) => {
              dispatch({ type: 'answer', score });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
          />
        ) : step.name === 'respondent' ? (
          <RespondentScreen
            respondent={state.respondent}
            suggestion={state.suggestion}
            about={about(state.subject)}
            error={step.error}
            complete={completeRespondent(state.respondent) !== null}
            lang={lang}
            t={t}
            onChange={(respondent) => {
              dispatch({ type: 'respondent', respondent });
            }}
            onSuggestion={(text) => {
              dispatch({ type: 'suggestion', text });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
            onSubmit={() => void send()}
          />
        ) : step.name === 'sending' ? (
          <Busy label={t('sending')} />
        ) : step.name === 'thanks' ? (
          <Thanks t={t} onDone={restart} />
        ) : step.name === 'refused' ? (
          <Refused message={step.message} lang={lang} t={t} onRestart={restart} />
        ) : null}
      </main>
    </div>
  );
}
