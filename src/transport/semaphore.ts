// A counting semaphore: at most `limit` holders at once, the rest wait in FIFO order.

/** Bounds concurrent work (channels per connection, handshakes per bastion). */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  /** Waits for a slot; returns the function that frees it (call it exactly once). */
  async acquire(): Promise<() => void> {
    // A release hands its slot straight to the first waiter (active stays), so no one can take it in between.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  /** Takes a slot if one is free now, without waiting; returns its release function, or undefined. */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.limit) return undefined;
    this.active++;
    return this.releaser();
  }

  /** How many wait for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** True when every slot is taken. */
  get full(): boolean {
    return this.active >= this.limit;
  }

  /** Runs fn while holding a slot. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
