// One queue per key: jobs with the same key (a group) run strictly one after another, different keys run
// side by side. Idle keys are forgotten, so the map only holds groups with work in hand.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `job` after every earlier job of `key`; a failing job does not stop the ones behind it. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(job, job);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return current;
  }

  /** How many keys (groups) have work in hand now. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves when every job queued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
