import { describe, expect, it } from 'vitest';
import { ticketRefFrom } from './survey-config.ts';
import { completeAnswers, initialSurvey, surveyReducer, type SurveyState } from './survey-state.ts';
import type { SkmTicketView } from './wire.ts';

const TICKET: SkmTicketView = {
  number: 'A012',
  serviceDay: '2026-03-02',
  service: { id: 'ktp-el', name: { id: 'KTP-el', en: 'ID card' } },
  agency: { id: 'disdukcapil', name: { id: 'Disdukcapil', en: 'Civil registry' } },
};

describe('ticketRefFrom', () => {
  it('takes what a person types or a scanner sends', () => {
    expect(ticketRefFrom(' a 012 ')).toBe('A012');
    expect(ticketRefFrom('http://192.168.1.10:8080/t/ab12cd34ef')).toBe('AB12CD34EF');
    expect(ticketRefFrom('https://mpp.example.go.id/survey?lang=en&ticket=XY23ZZ45QP')).toBe('XY23ZZ45QP');
  });
});

describe('surveyReducer', () => {
  const started = (): SurveyState =>
    surveyReducer(initialSurvey('k1'), {
      type: 'subject',
      subject: { kind: 'ticket', ref: 'A012', ticket: TICKET },
    });

  it('goes through the nine questions to the profile, and back again', () => {
    let state = started();
    expect(state.step).toEqual({ name: 'question', index: 0 });
    for (const score of [4, 3, 3, 4, 3, 3, 4, 2, 3] as const)
      state = surveyReducer(state, { type: 'answer', score });
    expect(state.step).toEqual({ name: 'respondent', error: null });
    expect(completeAnswers(state.answers)).toEqual([4, 3, 3, 4, 3, 3, 4, 2, 3]);
    state = surveyReducer(state, { type: 'back' });
    expect(state.step).toEqual({ name: 'question', index: 8 });
  });

  it('keeps the answers and the key when sending failed, so the same questionnaire is sent again', () => {
    let state = started();
    for (let i = 0; i < 9; i++) state = surveyReducer(state, { type: 'answer', score: 2 });
    state = surveyReducer(state, { type: 'sending' });
    state = surveyReducer(state, { type: 'failed', message: { id: 'x', en: 'x' } });
    expect(state.step).toEqual({ name: 'respondent', error: { id: 'x', en: 'x' } });
    expect(state.key).toBe('k1');
    expect(completeAnswers(state.answers)).toHaveLength(9);
  });

  it('starts over empty with a new key', () => {
    const state = surveyReducer(started(), { type: 'reset', key: 'k2' });
    expect(state).toEqual(initialSurvey('k2'));
  });
});
