import { describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, type BreakerState } from '@/lib/whmcs/breaker';

// The breaker on a fake clock: `clock.now` moves only when a test says so.

const NO_PASS = { probe: false, since: -1 };

function setup(threshold = 3, cooldownMs = 10_000) {
  const clock = { now: 1_000_000 };
  const changes: BreakerState[] = [];
  const breaker = new CircuitBreaker({
    threshold,
    cooldownMs,
    now: () => clock.now,
    onChange: (state) => changes.push(state),
  });
  const fail = (times: number) => {
    for (let i = 0; i < times; i += 1) {
      const pass = breaker.admit();
      if (pass) breaker.failure(pass);
    }
  };

  return { clock, changes, breaker, fail };
}

describe('the circuit breaker', () => {
  it('stays closed below the threshold of failures in a row', () => {
    const { breaker, fail } = setup(3);

    fail(2);

    expect(breaker.state).toBe('closed');
    expect(breaker.admit()).toMatchObject({ probe: false });
  });

  it('a success in between starts the count again', () => {
    const { breaker, fail } = setup(3);

    fail(2);
    breaker.success(breaker.admit() ?? NO_PASS);
    fail(2);

    expect(breaker.state).toBe('closed');
  });

  it('does not count a failure of a call sent before the last success', () => {
    const { breaker } = setup(3);
    const sentEarly = [1, 2, 3].map(() => breaker.admit() ?? NO_PASS);

    breaker.success(breaker.admit() ?? NO_PASS);
    for (const pass of sentEarly) breaker.failure(pass);

    expect(breaker.state).toBe('closed');
  });

  it('opens after the threshold and then fails fast without a pass', () => {
    const { breaker, fail, changes } = setup(3);

    fail(3);

    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toBeNull();
    expect(changes).toEqual(['open']);
  });

  it('lets exactly one probe through after the cool-down', () => {
    const { breaker, fail, clock } = setup(3, 10_000);
    fail(3);

    clock.now += 10_000;
    const probe = breaker.admit();
    const second = breaker.admit();

    expect(probe).toMatchObject({ probe: true });
    expect(second).toBeNull();
  });

  it('closes when the probe succeeds', () => {
    const { breaker, fail, clock, changes } = setup(3, 10_000);
    fail(3);
    clock.now += 10_000;

    breaker.success(breaker.admit() ?? NO_PASS);

    expect(breaker.state).toBe('closed');
    expect(breaker.admit()).toMatchObject({ probe: false });
    expect(changes).toEqual(['open', 'closed']);
  });

  it('opens for another cool-down when the probe fails', () => {
    const { breaker, fail, clock } = setup(3, 10_000);
    fail(3);
    clock.now += 10_000;

    breaker.failure(breaker.admit() ?? NO_PASS);
    clock.now += 9_999;

    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toBeNull();
  });

  it('lets the readiness check probe before the cool-down is over, one at a time', () => {
    const { breaker, fail } = setup(3, 10_000);
    fail(3);

    const forced = breaker.admit(true);
    const again = breaker.admit(true);

    expect(forced).toMatchObject({ probe: true });
    expect(again).toBeNull();
  });

  it('frees the probe slot when the probe never reached WHMCS', () => {
    const { breaker, fail, clock } = setup(3, 10_000);
    fail(3);
    clock.now += 10_000;

    breaker.release(breaker.admit() ?? NO_PASS);

    expect(breaker.admit()).toMatchObject({ probe: true });
  });

  it('reads the real clock when none is given', () => {
    vi.useFakeTimers();
    const breaker = new CircuitBreaker({ threshold: 1, cooldownMs: 5_000 });
    breaker.failure(breaker.admit() ?? NO_PASS);

    vi.advanceTimersByTime(5_000);
    const state = breaker.state;
    vi.useRealTimers();

    expect(state).toBe('half_open');
  });
});
