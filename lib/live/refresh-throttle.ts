/** Notifications of one commit (a change and the automations it set off) arrive together. */
export const SETTLE_MS = 30;
/** A burst of changes (a bulk change, an import) refreshes the screen at most this often. */
export const MIN_GAP_MS = 250;

/**
 * Turns a stream of "something changed" into few refreshes: the first SETTLE_MS after a quiet
 * spell, then at most one per MIN_GAP_MS however many changes come. `refresh` answers false when
 * the screen cannot refresh now (a card in flight, a dialog open, the tab hidden): it is asked
 * again MIN_GAP_MS later, so a change is never dropped, only held.
 */
export class RefreshThrottle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly refresh: () => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.timer !== undefined) return;
    const at = this.now();
    this.wait(Math.max(at + SETTLE_MS, this.last + MIN_GAP_MS) - at);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private wait(ms: number) {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.refresh()) this.last = this.now();
      else this.wait(MIN_GAP_MS);
    }, ms);
  }
}

/** How long the screen polls before it opens the stream again after it failed: 1 s, doubling, at most 30 s. */
export function streamRetryDelayMs(failures: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, failures - 1), 30_000);
}
