import type { SkmScore, SkmUnsur } from '@giliran/domain';
import { pick, type Lang } from '@giliran/ui';
import type { T } from './t.ts';

interface Props {
  readonly unsur: SkmUnsur;
  readonly index: number;
  readonly total: number;
  readonly chosen: SkmScore | null;
  /** "Tiket A012 · KTP-el": whose service this is about, on every question. */
  readonly about: string;
  readonly lang: Lang;
  readonly t: T;
  readonly onAnswer: (score: SkmScore) => void;
  readonly onBack: () => void;
}

const SCORES: readonly SkmScore[] = [1, 2, 3, 4];

/** One unsur per screen, its own four answers as big buttons; a tap answers and moves on. */
export function QuestionScreen({ unsur, index, total, chosen, about, lang, t, onAnswer, onBack }: Props) {
  return (
    <section class="screen survey-question" data-screen="question" data-unsur={unsur.code}>
      <div class="screen-head">
        <button type="button" class="back-button" data-testid="back" onClick={onBack}>
          {t('back')}
        </button>
        <div class="survey-progress-text">
          <span>{t('questionOf', { n: index + 1, total })}</span>
          <span class="survey-about">{about}</span>
        </div>
      </div>
      <div class="survey-progress" aria-hidden="true">
        <div class="survey-progress-bar" style={{ width: `${String(((index + 1) / total) * 100)}%` }} />
      </div>
      <p class="survey-unsur">
        {unsur.code} · {pick(unsur.name, lang)}
      </p>
      <h1 class="survey-question-text">{pick(unsur.question, lang)}</h1>
      <div class="survey-answers">
        {SCORES.map((score) => (
          <button
            type="button"
            key={score}
            class={`survey-answer survey-score-${String(score)}${chosen === score ? ' chosen' : ''}`}
            data-score={score}
            aria-pressed={chosen === score}
            onClick={() => {
              onAnswer(score);
            }}
          >
            <span class="survey-answer-mark" aria-hidden="true">
              {score}
            </span>
            <span class="survey-answer-label">{pick(unsur.labels[score - 1] ?? unsur.labels[0], lang)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
