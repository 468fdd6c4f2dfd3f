/** The bottom marquee; its speed follows the text's length so long texts stay readable from afar. */
export function RunningText({ text }: { text: string }) {
  const seconds = Math.max(18, Math.round(text.length * 0.22 + 10));
  return (
    <footer class="running-text">
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
