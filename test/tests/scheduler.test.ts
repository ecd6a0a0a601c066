// Property test of the scheduler: random inventories and needs, a simulated clock; no host is ever shared.
import { expect } from 'chai';
import { allocateHosts } from '../../src/tests/allocate.js';
import { Scheduler, type Job } from '../../src/tests/scheduler.js';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('tests/scheduler (property)', () => {
  it('allocates distinct free hosts, or nothing', () => {
    const groups = new Map([
      ['a', ['h1', 'h2', 'h3']],
      ['b', ['h3', 'h4']],
    ]);
    expect(allocateHosts({ a: 2, b: 2 }, groups)).to.deep.equal({ a: ['h1', 'h2'], b: ['h3', 'h4'] });
    expect(allocateHosts({ a: 2 }, groups, new Set(['h1', 'h2']))).to.equal(undefined);
    expect(allocateHosts({ a: 4 }, groups)).to.equal(undefined);
  });

  it('for 300 random inventories and needs: no two running tests share a host, every job runs once, max-parallel holds', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const nHosts = 1 + Math.floor(r() * 8);
      const hosts = Array.from({ length: nHosts }, (_, i) => `h${i}`);
      const groups = new Map<string, string[]>();
      for (const g of ['g1', 'g2', 'g3']) groups.set(g, hosts.filter(() => r() < 0.6));
      const maxParallel = r() < 0.3 ? Infinity : 1 + Math.floor(r() * 3);
      const s = new Scheduler<number>(groups, hosts, maxParallel);
      const jobs: Job<number>[] = [];
      for (let i = 0; i < 1 + Math.floor(r() * 12); i++) {
        const needs: Record<string, number> = {};
        for (const g of ['g1', 'g2', 'g3']) if (r() < 0.4) needs[g] = 1 + Math.floor(r() * 2);
        if (!s.fits(needs)) continue; // collection rejects it (exit 2): never scheduled
        jobs.push({ key: `j${i}`, needs, payload: 1 + Math.floor(r() * 5) });
      }
      for (const j of jobs) s.add(j);
      const running = new Map<string, { end: number; hosts: string[] }>();
      const ran: string[] = [];
      let now = 0;
      for (let guard = 0; guard < 10_000; guard++) {
        for (const { job, allocation } of s.take()) {
          const hs = Object.values(allocation).flat();
          expect(new Set(hs).size, 'distinct hosts within a test').to.equal(hs.length);
          for (const [g, n] of Object.entries(job.needs)) {
            expect(allocation[g], `${job.key} gets ${n} of ${g}`).to.have.length(n);
            for (const h of allocation[g] ?? []) expect(groups.get(g)).to.include(h);
          }
          for (const other of running.values()) for (const h of hs) expect(other.hosts, `seed ${seed}: host ${h} shared`).to.not.include(h);
          running.set(job.key, { end: now + job.payload, hosts: hs });
          ran.push(job.key);
          expect(running.size).to.be.at.most(maxParallel);
        }
        if (running.size === 0) break;
        now = Math.min(...[...running.values()].map((x) => x.end));
        for (const [k, v] of running) {
          if (v.end === now) {
            running.delete(k);
            s.release(k);
          }
        }
      }
      expect([...ran].sort()).to.deep.equal(jobs.map((j) => j.key).sort());
      expect(s.size, `seed ${seed}`).to.deep.equal({ pending: 0, running: 0 });
    }
  });
});
