/** Request counters behind `GET /_local/stats`, so tests can assert how many round trips a feature costs. */
export class Stats {
  private counters: Record<string, number> = {};
  private errors: Record<string, number> = {};
  private started = new Date().toISOString();

  count(kind: string, n = 1): void {
    this.counters[kind] = (this.counters[kind] ?? 0) + n;
  }
  error(status: number): void {
    const k = String(status);
    this.errors[k] = (this.errors[k] ?? 0) + 1;
  }
  reset(): void {
    this.counters = {};
    this.errors = {};
    this.started = new Date().toISOString();
  }
  snapshot(): Record<string, unknown> {
    return { since: this.started, requests: { ...this.counters }, errors: { ...this.errors } };
  }
}
