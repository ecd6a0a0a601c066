// The scheduler of a test run: tests whose hosts are free start, up to --max-parallel; a test waits for hosts
// rather than sharing them. Pure: the runner (and the property test) drive it with take() and release().
import { allocateHosts, allocatedHosts, type GroupHosts } from './allocate.js';

/** One run of one test to schedule. */
export interface Job<T = unknown> {
  key: string;
  needs: Readonly<Record<string, number>>;
  payload: T;
}

/** A job given its hosts. */
export interface Started<T> {
  job: Job<T>;
  allocation: Record<string, string[]>;
}

/** Hosts of a test without needs: all of them (it has the inventory to itself). */
export const ALL_GROUP = 'all';

/** Hands out jobs whose needs fit in the hosts that are free, in order, at most maxParallel at once. */
export class Scheduler<T> {
  private readonly pending: Job<T>[] = [];
  private readonly busy = new Set<string>();
  private readonly running = new Map<string, string[]>();
  private stopped = false;

  constructor(
    private readonly groups: GroupHosts,
    private readonly allHosts: readonly string[],
    private readonly maxParallel = Infinity,
  ) {}

  /** Queues a job (a retry goes to the front: it runs as soon as its hosts are free). */
  add(job: Job<T>, front = false): void {
    if (front) this.pending.unshift(job);
    else this.pending.push(job);
  }

  /** Stops handing out jobs (--exit-first, Ctrl-C); returns those that will not run. */
  stop(): Job<T>[] {
    this.stopped = true;
    return this.pending.splice(0);
  }

  /** Jobs that can start now, with their hosts (marked busy until release). */
  take(): Started<T>[] {
    const out: Started<T>[] = [];
    if (this.stopped) return out;
    for (let i = 0; i < this.pending.length && this.running.size < this.maxParallel; ) {
      const job = this.pending[i] as Job<T>;
      const allocation = this.allocate(job);
      if (!allocation) {
        i++;
        continue;
      }
      this.pending.splice(i, 1);
      const hosts = allocatedHosts(allocation);
      for (const h of hosts) this.busy.add(h);
      this.running.set(job.key, hosts);
      out.push({ job, allocation });
    }
    return out;
  }

  /** Frees a finished job's hosts. */
  release(key: string): void {
    for (const h of this.running.get(key) ?? []) this.busy.delete(h);
    this.running.delete(key);
  }

  /** Jobs waiting, and jobs running. */
  get size(): { pending: number; running: number } {
    return { pending: this.pending.length, running: this.running.size };
  }

  /** Whether a job could ever run on this inventory (all hosts free). */
  fits(needs: Readonly<Record<string, number>>): boolean {
    return Object.keys(needs).length === 0 || allocateHosts(needs, this.groups) !== undefined;
  }

  private allocate(job: Job<T>): Record<string, string[]> | undefined {
    if (Object.keys(job.needs).length > 0) return allocateHosts(job.needs, this.groups, this.busy);
    return this.allHosts.some((h) => this.busy.has(h)) ? undefined : { [ALL_GROUP]: [...this.allHosts] };
  }
}
