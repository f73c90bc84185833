// A one-line progress display on stderr: only on a TTY, and only once a run
// has lasted a second, so short runs and pipes see nothing of it.
export class ProgressLine {
  private started = Date.now();
  private shown = false;
  private last = 0;

  constructor(
    private stream: NodeJS.WriteStream = process.stderr,
    private enabled = Boolean(stream.isTTY),
  ) {}

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = this.stream.columns || 80;
    this.stream.write('\r\x1b[K' + text.slice(0, width - 1));
  }

  /** Clear the line (before printing anything else to the terminal). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }

  done(): void {
    this.clear();
    this.shown = false;
    this.enabled = false;
  }
}
