// Runs async jobs one after another. The bot keeps one SQLite connection; Prisma's adapter locks only
// transactions against each other, so a plain query issued while another task's transaction is open would
// run inside it. Sending every database call through one queue keeps each transaction whole.
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    // The queue goes on whether this job succeeds or fails; the caller still sees its own outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
