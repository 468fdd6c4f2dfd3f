import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DisplaySettings } from '../wire.ts';

type Media = DisplaySettings['media'][number];

const IMAGE_SECONDS = 12;

/**
 * The hall's posters and videos in a loop: an image stays a few seconds, a video plays to its end, always
 * muted so it never talks over a call. What fails to load is left out; with nothing left, the fallback shows.
 */
export function MediaLoop({ media, fallback }: { media: readonly Media[]; fallback: ComponentChildren }) {
  const [failed, setFailed] = useState<readonly string[]>([]);
  const [index, setIndex] = useState(0);
  const playable = media.filter((m) => !failed.includes(m.url));
  const item = playable.length > 0 ? playable[index % playable.length] : undefined;

  const next = () => {
    setIndex((i) => (i + 1) % Math.max(1, playable.length));
  };
  const fail = (url: string) => {
    setFailed((list) => [...list, url]);
  };

  useEffect(() => {
    if (item?.type !== 'image' || playable.length < 2) return;
    const timer = setTimeout(() => {
      setIndex((i) => (i + 1) % playable.length);
    }, IMAGE_SECONDS * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [item, index, playable.length]);

  if (!item) return <div class="media">{fallback}</div>;
  return (
    <div class="media" data-testid="media">
      {item.type === 'image' ? (
        <img
          key={`${index}:${item.url}`}
          class="media-item"
          src={item.url}
          alt=""
          onError={() => {
            fail(item.url);
          }}
        />
      ) : (
        <video
          key={`${index}:${item.url}`}
          class="media-item"
          src={item.url}
          autoPlay
          muted
          playsInline
          loop={playable.length === 1}
          onEnded={next}
          onError={() => {
            fail(item.url);
          }}
        />
      )}
    </div>
  );
}
