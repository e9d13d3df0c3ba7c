/**
 * Progress of a long run on stderr: shown when stderr is a terminal (one line, rewritten in place)
 * or asked for with --progress (a line every few seconds); otherwise stderr carries only problems.
 */
import type { Output } from './run';

const EVERY_MS = { tty: 250, log: 5000 };

export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stderr: Output,
    private readonly mode: 'tty' | 'log' | 'off',
    private readonly noun: string,
    private readonly totalBytes: number | null,
  ) {}

  private text(count: number, bytes: number): string {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    const share = this.totalBytes ? ` · ${Math.min(100, Math.floor((100 * bytes) / this.totalBytes))}%` : '';
    return `${count.toLocaleString('en')} ${this.noun}${share} · ${rate.toLocaleString('en')} ${this.noun}/s · ${seconds.toFixed(0)} s`;
  }

  update(count: number, bytes: number): void {
    if (this.mode === 'off') return;
    const now = Date.now();
    if (now - this.last < EVERY_MS[this.mode]) return;
    this.last = now;
    if (this.mode === 'tty') {
      this.stderr.write(`\r\x1b[K${this.text(count, bytes)}`);
      this.shown = true;
    } else this.stderr.write(`progress: ${this.text(count, bytes)}\n`);
  }

  /** Problems go to stderr too: clear the progress line first so they start on a line of their own. */
  message(text: string): void | Promise<void> {
    if (this.shown) {
      this.stderr.write('\r\x1b[K');
      this.shown = false;
    }
    return this.stderr.write(text);
  }

  done(count: number, bytes: number): void {
    if (this.mode === 'off') return;
    if (this.shown) this.stderr.write('\r\x1b[K');
    this.stderr.write(`done: ${this.text(count, bytes)}\n`);
  }
}
