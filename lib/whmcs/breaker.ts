import 'server-only';

// A circuit breaker for WHMCS. After `threshold` failures in a row (WHMCS
// unreachable, or a write's answer lost) it opens: calls fail at once, without
// adding load to a WHMCS that is already struggling. After `cooldownMs` one call
// is let through as a probe (half-open); its success closes the breaker, its
// failure opens it for another cool-down.
// "In a row" is in the order calls began: a failure counts only when no call
// has succeeded since it was sent. Otherwise a few timeouts sent together, each
// finishing seconds after the answers that came in meanwhile, would open the
// breaker on a WHMCS that is answering (seen in `npm run soak` at 10% faults).

export type BreakerState = 'closed' | 'open' | 'half_open';
/**
 * Permission to call; `probe` marks the one call that decides a half-open
 * breaker, `since` the successes counted when it was given.
 */
export type Pass = { probe: boolean; since: number };

export type BreakerOptions = {
  threshold: number;
  cooldownMs: number;
  now?: () => number;
  onChange?: (state: BreakerState, consecutiveFailures: number) => void;
};

export class CircuitBreaker {
  private failures = 0;
  private successes = 0;
  private openedAt: number | null = null;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half_open' : 'open';
  }

  /**
   * A pass for one call, or null to fail fast. `force` (the readiness check)
   * may probe an open breaker before its cool-down is over, but only as the
   * single probe, so it cannot add more than one call at a time.
   */
  admit(force = false): Pass | null {
    const state = this.state;
    const since = this.successes;
    if (state === 'closed') return { probe: false, since };
    if (this.probing || (state === 'open' && !force)) return null;

    this.probing = true;
    return { probe: true, since };
  }

  /** WHMCS answered (whatever it said): it is reachable. */
  success(pass: Pass): void {
    if (pass.probe) this.probing = false;
    const wasOpen = this.openedAt !== null;
    this.successes += 1;
    this.failures = 0;
    this.openedAt = null;
    if (wasOpen) this.options.onChange?.('closed', 0);
  }

  failure(pass: Pass): void {
    if (pass.probe) {
      this.probing = false;
      this.open();
      return;
    }
    if (pass.since !== this.successes) return;
    this.failures += 1;
    if (this.openedAt === null && this.failures >= this.options.threshold) this.open();
  }

  /** A call with a pass that neither reached WHMCS nor failed there (e.g. queue timeout). */
  release(pass: Pass): void {
    if (pass.probe) this.probing = false;
  }

  private open(): void {
    this.openedAt = this.now();
    this.options.onChange?.('open', this.failures);
  }
}
