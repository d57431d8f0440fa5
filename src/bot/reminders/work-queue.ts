/**
 * The claimed digests between the claims (producer) and the senders (consumers): sending starts as soon as the
 * first officers are claimed, so the ledger's round trips overlap the paced sends instead of coming before them.
 */
export class WorkQueue<T> {
  private readonly items: T[] = [];
  private readonly waiting: Array<(item: T | undefined) => void> = [];
  private closed = false;

  push(...items: T[]): void {
    for (const item of items) {
      const w = this.waiting.shift();
      if (w) w(item);
      else this.items.push(item);
    }
  }

  /** No more items will come: waiting consumers get undefined. */
  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w(undefined);
  }

  /** The next item, or undefined once the queue is closed and empty. */
  next(): Promise<T | undefined> {
    if (this.items.length) return Promise.resolve(this.items.shift());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
