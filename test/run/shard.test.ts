import { expect } from 'chai';
import { UsageError } from '../../src/errors.js';
import { formatShard, parseShard, selectShard } from '../../src/run/shard.js';

// A small seeded generator, so a failing case can be replayed from its seed.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STYLES = [(i: number) => `web${String(i).padStart(2, '0')}`, (i: number) => `db-${i}.example.com`, (i: number) => `10.0.${i >> 8}.${i & 255}`, (i: number) => `h${i}`];

function hostSet(rnd: () => number): string[] {
  const size = Math.floor(rnd() * 60);
  const names = new Set<string>();
  while (names.size < size) names.add((STYLES[Math.floor(rnd() * STYLES.length)] as (i: number) => string)(Math.floor(rnd() * 500)));
  return [...names];
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const id = (s: string) => s;

describe('run/shard: --shard K/N', () => {
  describe('property: random host sets, every K for N = 1..12', () => {
    for (let seed = 1; seed <= 40; seed++) {
      it(`seed ${seed}: union is every host, shards disjoint, sizes within 1, stable, order-independent`, () => {
        const rnd = random(seed);
        const hosts = hostSet(rnd);
        for (let n = 1; n <= 12; n++) {
          const parts: string[][] = [];
          for (let k = 1; k <= n; k++) {
            const shard = parseShard(`${k}/${n}`);
            const part = selectShard(hosts, shard, id);
            expect(selectShard(hosts, shard, id), 'same split on a second call').to.deep.equal(part);
            expect(new Set(selectShard(shuffled(hosts, rnd), shard, id)), 'independent of input order').to.deep.equal(new Set(part));
            parts.push(part);
          }
          const all = parts.flat();
          expect(all, `N=${n}: disjoint`).to.have.length(new Set(all).size);
          expect(new Set(all), `N=${n}: union`).to.deep.equal(new Set(hosts));
          const sizes = parts.map((p) => p.length);
          expect(Math.max(...sizes) - Math.min(...sizes), `N=${n}: sizes ${sizes.join(',')}`).to.be.at.most(1);
        }
      });
    }
  });

  it('keeps the input order within a shard', () => {
    const hosts = Array.from({ length: 20 }, (_, i) => `node${i}`);
    for (let k = 1; k <= 3; k++) {
      const part = selectShard(hosts, { index: k, count: 3 }, id);
      expect(part).to.deep.equal(hosts.filter((h) => part.includes(h)));
    }
  });

  it('splits by name, for items of any type', () => {
    const hosts = ['a', 'b', 'c', 'd'].map((name) => ({ name }));
    const names = selectShard(hosts, { index: 1, count: 2 }, (h) => h.name).map((h) => h.name);
    expect(names).to.deep.equal(selectShard(['a', 'b', 'c', 'd'], { index: 1, count: 2 }, id));
  });

  it('gives the same split on every machine (hash of the name, not of memory or locale)', () => {
    const hosts = ['web01', 'web02', 'web03', 'db1', 'db2', 'cache1'];
    // Pinned: a change here changes which CI job checks which host.
    expect([1, 2, 3].map((k) => selectShard(hosts, { index: k, count: 3 }, id))).to.deep.equal(PINNED);
  });

  it('parses K/N and prints it back', () => {
    expect(parseShard('2/3')).to.deep.equal({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).to.deep.equal({ index: 1, count: 1 });
    expect(formatShard(parseShard('12/12'))).to.equal('12/12');
  });

  for (const bad of ['0/3', '4/3', 'x', '1/0', '0/0', '2', '1/2/3', '-1/3', '1.5/3', '', '1/', '/3']) {
    it(`rejects "${bad}" as a usage error`, () => {
      expect(() => parseShard(bad)).to.throw(UsageError, /--shard: expected K\/N with 1 ≤ K ≤ N, e.g. 2\/3, got/);
    });
  }
});

const PINNED = [
  ['db1', 'db2'],
  ['web02', 'cache1'],
  ['web01', 'web03'],
];
