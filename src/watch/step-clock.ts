// Which step is running right now, so a watcher can say during which step a log line arrived.

/** Tracks the steps of one host as they begin and end. */
export class StepClock {
  private readonly running: string[] = [];
  private last: string | undefined;

  /** Marks a step as running; call the returned function when it ends. */
  begin(name: string): () => void {
    this.running.push(name);
    return () => {
      const i = this.running.indexOf(name);
      if (i >= 0) this.running.splice(i, 1);
      this.last = name;
    };
  }

  /** The earliest-started step still running, else the one that ended last (undefined before any). */
  current(): string | undefined {
    return this.running[0] ?? this.last;
  }
}
