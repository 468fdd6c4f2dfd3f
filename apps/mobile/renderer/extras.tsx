import type { VisitDetailView } from '@giliran/protocol';
import { translator, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { Card, Field, Outcome } from './fields.tsx';
import { TEXTS } from './texts.ts';
import { useSend } from './use-send.ts';

interface Props {
  readonly visit: VisitDetailView;
  readonly api: Api;
  readonly lang: Lang;
  readonly canWrite: boolean;
  readonly reload: () => void;
}

/** Counselling in the quiet moments: topic and people reached. */
export function CounsellingCard({ visit, api, lang, canWrite, reload }: Props) {
  const t = translator(TEXTS, lang);
  const [topic, setTopic] = useState('');
  const [people, setPeople] = useState('');
  const { message, busy, send } = useSend(lang, reload);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(() =>
      api.post(`/visits/${visit.id}/counselling`, { topic, peopleReached: Number(people) }),
    ).then((ok) => {
      if (ok) {
        setTopic('');
        setPeople('');
      }
    });
  };
  return (
    <Card title={t('counselling')}>
      {canWrite && (
        <form class="mb-form" name="counselling" onSubmit={submit}>
          <Field label={t('topic')} name="topic" value={topic} onValue={setTopic} required />
          <Field
            label={t('people')}
            name="people"
            value={people}
            onValue={setPeople}
            inputMode="numeric"
            required
          />
          <button type="submit" class="mb-btn mb-btn-primary" disabled={busy}>
            {t('save')}
          </button>
          <Outcome message={message} />
        </form>
      )}
      <ul class="mb-list">
        {visit.counselling.map((c) => (
          <li key={c.id}>
            {c.topic} · {c.peopleReached}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Photos of the activity: uploaded from the tablet's camera or the laptop's folder, shown as thumbnails. */
export function PhotosCard({ visit, api, lang, canWrite, reload }: Props) {
  const t = translator(TEXTS, lang);
  const [caption, setCaption] = useState('');
  const { message, busy, send } = useSend(lang, reload);
  const upload = (file: File) => {
    void send(() =>
      api.upload(`/visits/${visit.id}/photos?caption=${encodeURIComponent(caption)}`, file),
    ).then((ok) => {
      if (ok) setCaption('');
    });
  };
  return (
    <Card title={t('photos')}>
      {canWrite && (
        <div class="mb-form">
          <Field label={t('caption')} name="caption" value={caption} onValue={setCaption} />
          <label class="mb-btn">
            {t('addPhoto')}
            <input
              type="file"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              capture="environment"
              hidden
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) upload(file);
              }}
            />
          </label>
          <Outcome message={message} />
        </div>
      )}
      <PhotoStrip visit={visit} api={api} />
    </Card>
  );
}

/** Thumbnails fetched with the token (an <img> cannot send it), kept as object URLs. */
function PhotoStrip({ visit, api }: { readonly visit: VisitDetailView; readonly api: Api }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  for (const photo of visit.photos)
    if (urls[photo.id] === undefined) {
      urls[photo.id] = '';
      void api.blob(`/visits/${visit.id}/photos/${photo.id}`).then((blob) => {
        setUrls((before) => ({ ...before, [photo.id]: URL.createObjectURL(blob) }));
      });
    }
  return (
    <div class="mb-photos">
      {visit.photos.map((p) => (
        <figure key={p.id}>
          {urls[p.id] ? <img src={urls[p.id]} alt={p.caption ?? ''} /> : <div class="mb-photo-wait" />}
          <figcaption>{p.caption}</figcaption>
        </figure>
      ))}
    </div>
  );
}
