import {
  SKM_AGE_BAND_LABELS,
  SKM_EDUCATION_LABELS,
  SKM_GENDER_LABELS,
  SKM_OCCUPATION_LABELS,
  type LocalizedText,
  type SkmRespondent,
} from '@giliran/domain';
import { pick, type Lang } from '@giliran/ui';
import type { LocalizedMessage } from '../wire.ts';
import type { T } from './t.ts';
import type { SurveyText } from '../texts.ts';

interface Props {
  readonly respondent: Partial<SkmRespondent>;
  readonly suggestion: string;
  readonly about: string;
  readonly error: LocalizedMessage | null;
  readonly complete: boolean;
  readonly lang: Lang;
  readonly t: T;
  readonly onChange: (respondent: Partial<SkmRespondent>) => void;
  readonly onSuggestion: (text: string) => void;
  readonly onBack: () => void;
  readonly onSubmit: () => void;
}

interface Group<K extends keyof SkmRespondent> {
  readonly field: K;
  readonly title: SurveyText;
  readonly options: Readonly<Record<SkmRespondent[K], LocalizedText>>;
}

function Choices<K extends keyof SkmRespondent>({
  group,
  value,
  lang,
  t,
  onChange,
}: {
  group: Group<K>;
  value: SkmRespondent[K] | undefined;
  lang: Lang;
  t: T;
  onChange: (respondent: Partial<SkmRespondent>) => void;
}) {
  const options = Object.entries(group.options) as [SkmRespondent[K], LocalizedText][];
  return (
    <fieldset class="survey-group" data-group={group.field}>
      <legend>{t(group.title)}</legend>
      <div class="survey-choices">
        {options.map(([code, label]) => (
          <button
            type="button"
            key={code}
            class={`survey-choice${value === code ? ' chosen' : ''}`}
            data-choice={`${group.field}:${code}`}
            aria-pressed={value === code}
            onClick={() => {
              onChange({ [group.field]: code });
            }}
          >
            {pick(label, lang)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** The respondent's profile in four groups of buttons; the service comes from the ticket, so it is only shown. */
export function RespondentScreen(props: Props) {
  const { respondent, lang, t } = props;
  return (
    <section class="screen survey-respondent" data-screen="respondent">
      <div class="screen-head">
        <button type="button" class="back-button" onClick={props.onBack}>
          {t('back')}
        </button>
        <div class="survey-progress-text">
          <span class="survey-title">{t('aboutYou')}</span>
          <span class="survey-about">{props.about}</span>
        </div>
      </div>
      <p class="screen-subtitle">{t('aboutYouHint')}</p>
      <div class="survey-groups">
        <Choices
          group={{ field: 'gender', title: 'gender', options: SKM_GENDER_LABELS }}
          value={respondent.gender}
          lang={lang}
          t={t}
          onChange={props.onChange}
        />
        <Choices
          group={{ field: 'ageBand', title: 'age', options: SKM_AGE_BAND_LABELS }}
          value={respondent.ageBand}
          lang={lang}
          t={t}
          onChange={props.onChange}
        />
        <Choices
          group={{ field: 'education', title: 'education', options: SKM_EDUCATION_LABELS }}
          value={respondent.education}
          lang={lang}
          t={t}
          onChange={props.onChange}
        />
        <Choices
          group={{ field: 'occupation', title: 'occupation', options: SKM_OCCUPATION_LABELS }}
          value={respondent.occupation}
          lang={lang}
          t={t}
          onChange={props.onChange}
        />
      </div>
      <label class="survey-group survey-suggestion">
        <span class="survey-legend">{t('suggestion')}</span>
        <textarea
          maxLength={500}
          rows={2}
          placeholder={t('suggestionHint')}
          value={props.suggestion}
          onInput={(event) => {
            props.onSuggestion(event.currentTarget.value);
          }}
        />
      </label>
      {props.error && (
        <p class="survey-error" role="alert">
          {pick(props.error, lang)}
        </p>
      )}
      <button
        type="button"
        class="survey-submit"
        data-testid="submit"
        disabled={!props.complete}
        onClick={props.onSubmit}
      >
        {t('submit')}
      </button>
    </section>
  );
}
