// The handshake pacing and retry policy on inline data: cuts on drops, growth on success, bounded retries.
import { expect } from 'chai';
import { TransportError } from '../../src/errors.js';
import { DEFAULT_RETRY, retryDelay, withRetry } from '../../src/transport/backoff.js';
import { AdaptiveLimit, HandshakeGate } from '../../src/transport/handshake-gate.js';

describe('transport/handshake-gate', () => {
  it('a drop halves the limit (once per cooldown), successes raise it by about one per round', async () => {
    const limit = new AdaptiveLimit(Infinity, 16);
    for (let i = 0; i < 16; i++) await limit.acquire();
    limit.release('overloaded', 1_000);
    expect(limit.current).to.equal(8);
    // More drops of the same burst, within the cooldown: no further cut.
    limit.release('overloaded', 1_100);
    expect(limit.current).to.equal(8);
    limit.release('overloaded', 1_300);
    // Cut from what is in flight then (13 + 1), not from the limit alone.
    expect(limit.current).to.equal(4);
    for (let i = 0; i < 4; i++) limit.release('ok');
    expect(limit.current).to.be.within(4.9, 5);
  });

  it('holds callers beyond the limit until one ends', async () => {
    const limit = new AdaptiveLimit(2);
    await limit.acquire();
    await limit.acquire();
    let third = false;
    const waiting = limit.acquire().then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).to.equal(false);
    limit.release('ok');
    await waiting;
    expect(third).to.equal(true);
  });

  it('starts at most 10 handshakes to one server before one ends; other servers are not held by it', async () => {
    const gate = new HandshakeGate();
    let now = 0;
    let ended = 0;
    let peakBeforeEnd = 0;
    const run = (server: string) =>
      gate.through(server, async () => {
        now++;
        if (ended === 0) peakBeforeEnd = Math.max(peakBeforeEnd, now);
        await new Promise((r) => setTimeout(r, 5));
        now--;
        ended++;
      });
    await Promise.all(Array.from({ length: 40 }, () => run('10.0.0.1:22')));
    expect(peakBeforeEnd).to.equal(10);
    ended = 0;
    now = 0;
    peakBeforeEnd = 0;
    await Promise.all(Array.from({ length: 40 }, (_, i) => run(`10.0.0.${i}:22`)));
    expect(peakBeforeEnd).to.equal(40);
  });
});

describe('transport/backoff', () => {
  it('waits grow from the base to the cap, with jitter between half and all of the step', () => {
    expect(retryDelay(DEFAULT_RETRY, 1, () => 0)).to.equal(150);
    expect(retryDelay(DEFAULT_RETRY, 1, () => 1)).to.equal(300);
    expect(retryDelay(DEFAULT_RETRY, 4, () => 1)).to.equal(2_400);
    expect(retryDelay(DEFAULT_RETRY, 10, () => 1)).to.equal(5_000);
  });

  it('the default policy spans seconds, not milliseconds, and stops within its budget', () => {
    let worst = 0;
    for (let a = 1; a < DEFAULT_RETRY.attempts; a++) worst += retryDelay(DEFAULT_RETRY, a, () => 1);
    expect(retryDelay(DEFAULT_RETRY, 1, () => 1) + retryDelay(DEFAULT_RETRY, 2, () => 1)).to.be.above(500);
    expect(Math.min(worst, DEFAULT_RETRY.budgetMs ?? Infinity)).to.be.at.most(30_000);
  });

  it('a refused connection is tried refusedAttempts times; a closed handshake more; anything else once', async () => {
    const policy = { attempts: 5, baseMs: 1, refusedAttempts: 2 };
    const count = async (err: Error) => {
      let n = 0;
      await withRetry(async () => {
        n++;
        throw err;
      }, policy).catch(() => undefined);
      return n;
    };
    expect(await count(new TransportError('refused', { code: 'E_REFUSED', retryable: true }))).to.equal(2);
    expect(await count(new TransportError('closed during handshake', { code: 'E_RESET', retryable: true }))).to.equal(5);
    expect(await count(new TransportError('auth', { code: 'E_AUTH' }))).to.equal(1);
  });

  it('gives up when the next wait would pass the budget', async () => {
    let n = 0;
    const t0 = Date.now();
    await withRetry(async () => {
      n++;
      throw new TransportError('closed during handshake', { code: 'E_RESET', retryable: true });
    }, { attempts: 100, baseMs: 40, budgetMs: 200 }).catch(() => undefined);
    expect(n).to.be.within(2, 5);
    expect(Date.now() - t0).to.be.below(1_000);
  });
});
