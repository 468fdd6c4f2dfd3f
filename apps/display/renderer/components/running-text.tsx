import type { ComponentChildren } from 'preact';

/**
 * The bottom marquee; its speed follows the text's length so long texts stay readable from afar. `children`: what
 * stands still before it (the paused counters).
 */
export function RunningText({ text, children }: { text: string; children?: ComponentChildren }) {
  const seconds = Math.max(18, Math.round(text.length * 0.22 + 10));
  return (
    <footer class="running-text">
      {children}
      <div class="marquee">
        <span
          key={text}
          class="marquee-text"
          data-testid="running-text"
          style={{ animationDuration: `${seconds}s` }}
        >
          {text}
        </span>
      </div>
    </footer>
  );
}
