/**
 * Files of closed days, kept by what was asked (kind, period, scope): a past day's report does not change, so the
 * tenth MOD asking for yesterday's PDF gets the first one's bytes without a render. Least recently used goes first.
 */
export class ExportCache {
  private readonly files = new Map<string, Buffer>();

  constructor(private readonly maxFiles = 32) {}

  peek(key: string): Buffer | undefined {
    const hit = this.files.get(key);
    if (hit) {
      this.files.delete(key);
      this.files.set(key, hit);
    }
    return hit;
  }

  put(key: string, file: Buffer): void {
    this.files.set(key, file);
    if (this.files.size > this.maxFiles) {
      const oldest = this.files.keys().next().value;
      if (oldest !== undefined) this.files.delete(oldest);
    }
  }

  clear(): void {
    this.files.clear();
  }
}
