import { SKM_UNSUR_COUNT, type SkmRespondent, type SkmScore } from '@giliran/domain';
import type { LocalizedMessage, SkmTicketView } from './wire.ts';

/** Whose service is being rated: a ticket the hub checked, or (kiosk, no ticket) a service the citizen chose. */
export type Subject =
  | { readonly kind: 'ticket'; readonly ref: string; readonly ticket: SkmTicketView }
  | {
      readonly kind: 'service';
      readonly serviceId: string;
      readonly serviceName: LocalizedMessage;
      readonly agencyName: LocalizedMessage;
    };

export type Step =
  | { readonly name: 'start'; readonly error: LocalizedMessage | null }
  | { readonly name: 'checking' }
  | { readonly name: 'service' }
  | { readonly name: 'question'; readonly index: number }
  | { readonly name: 'respondent'; readonly error: LocalizedMessage | null }
  | { readonly name: 'sending' }
  | { readonly name: 'thanks' }
  | { readonly name: 'refused'; readonly message: LocalizedMessage };

export interface SurveyState {
  readonly step: Step;
  readonly subject: Subject | null;
  readonly answers: readonly (SkmScore | null)[];
  readonly respondent: Partial<SkmRespondent>;
  readonly suggestion: string;
  /** The Idempotency-Key of this questionnaire: a new one each time the survey starts over. */
  readonly key: string;
}

export type SurveyAction =
  | { readonly type: 'reset'; readonly key: string }
  | { readonly type: 'checking' }
  | { readonly type: 'not-found'; readonly message: LocalizedMessage }
  | { readonly type: 'without-ticket' }
  | { readonly type: 'subject'; readonly subject: Subject }
  | { readonly type: 'answer'; readonly score: SkmScore }
  | { readonly type: 'back' }
  | { readonly type: 'respondent'; readonly respondent: Partial<SkmRespondent> }
  | { readonly type: 'suggestion'; readonly text: string }
  | { readonly type: 'sending' }
  | { readonly type: 'sent' }
  | { readonly type: 'refused'; readonly message: LocalizedMessage }
  | { readonly type: 'failed'; readonly message: LocalizedMessage };

export function initialSurvey(key: string): SurveyState {
  return {
    step: { name: 'start', error: null },
    subject: null,
    answers: Array<SkmScore | null>(SKM_UNSUR_COUNT).fill(null),
    respondent: {},
    suggestion: '',
    key,
  };
}

export function surveyReducer(state: SurveyState, action: SurveyAction): SurveyState {
  const step = state.step;
  switch (action.type) {
    case 'reset':
      return initialSurvey(action.key);
    case 'checking':
      return { ...state, step: { name: 'checking' } };
    case 'not-found':
      return { ...state, step: { name: 'start', error: action.message } };
    case 'without-ticket':
      return { ...state, step: { name: 'service' } };
    case 'subject':
      return { ...state, subject: action.subject, step: { name: 'question', index: 0 } };
    case 'answer': {
      if (step.name !== 'question') return state;
      const answers = state.answers.map((a, i) => (i === step.index ? action.score : a));
      const next = step.index + 1;
      return {
        ...state,
        answers,
        step:
          next < SKM_UNSUR_COUNT ? { name: 'question', index: next } : { name: 'respondent', error: null },
      };
    }
    case 'back':
      if (step.name === 'respondent')
        return { ...state, step: { name: 'question', index: SKM_UNSUR_COUNT - 1 } };
      if (step.name === 'question' && step.index > 0)
        return { ...state, step: { name: 'question', index: step.index - 1 } };
      if (step.name === 'question' && state.subject?.kind === 'service')
        return { ...state, step: { name: 'service' } };
      return initialSurvey(state.key);
    case 'respondent':
      return { ...state, respondent: { ...state.respondent, ...action.respondent } };
    case 'suggestion':
      return { ...state, suggestion: action.text };
    case 'sending':
      return { ...state, step: { name: 'sending' } };
    case 'sent':
      return { ...state, step: { name: 'thanks' } };
    case 'refused':
      return { ...state, step: { name: 'refused', message: action.message } };
    case 'failed':
      // The answers stay: the citizen can press send again once the hub is back, under the same key.
      return { ...state, step: { name: 'respondent', error: action.message } };
  }
}

/** The four profile answers, once all are given. */
export function completeRespondent(partial: Partial<SkmRespondent>): SkmRespondent | null {
  const { gender, ageBand, education, occupation } = partial;
  if (!gender || !ageBand || !education || !occupation) return null;
  return { gender, ageBand, education, occupation };
}

export function completeAnswers(answers: readonly (SkmScore | null)[]): SkmScore[] | null {
  const given = answers.filter((a): a is SkmScore => a !== null);
  return given.length === SKM_UNSUR_COUNT ? given : null;
}
