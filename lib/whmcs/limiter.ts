import 'server-only';

// A limit on WHMCS calls in flight, so a traffic spike queues here instead of
// flattening WHMCS. A call waits in line for a free slot at most `queueTimeoutMs`;
// then it gives up (the transport reports WHMCS as unavailable).

export class QueueTimeoutError extends Error {
  override name = 'QueueTimeoutError';
}

type Waiter = { grant: () => void; timer: NodeJS.Timeout };

export class Limiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly max: number,
    readonly queueTimeoutMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(): Promise<() => void> {
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }

    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new QueueTimeoutError(`no free slot within ${this.queueTimeoutMs}ms`));
        }, this.queueTimeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Hands the slot to the next in line, or frees it; a second call does nothing. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.active -= 1;
    };
  }
}
