/**
 * Fault injection in the manner of Microsoft Dev Proxy: a share of requests is answered with a chosen status and
 * a Retry-After header. A plain fault (`429:0.2`) answers before any processing, so it never writes anything; an
 * after-commit fault (`504-after-commit:0.1`) applies the request and then loses the reply, as a gateway timeout
 * does; `drop` closes the connection instead of answering (`drop-after-commit` after applying). A part fault
 * (`429-in-batch:0.1`) is drawn for each request inside a `$batch` instead: SharePoint judges the requests of a
 * batch one by one, so one part may be throttled (its own status and Retry-After, not applied) while the batch
 * itself answers 200. A seeded PRNG makes a run reproducible.
 */
export interface FaultRule {
  /** An HTTP status, or "drop" to close the connection without an answer. */
  status: number | "drop";
  rate: number;
  /** Apply the request first, then fail the reply. */
  afterCommit: boolean;
  /** Drawn for each part of a $batch, not for whole requests. */
  inBatch: boolean;
}

const SPEC = /^\s*(\d{3}|drop)(-after-commit|-in-batch)?\s*:\s*(\d*\.?\d+)\s*$/i;

export function parseFaults(spec: string | undefined): FaultRule[] {
  if (!spec?.trim()) return [];
  const rules = spec.split(",").map((part) => {
    const m = SPEC.exec(part);
    if (!m) throw new Error(`Invalid fault spec '${part}': expected STATUS:RATE, STATUS-after-commit:RATE, STATUS-in-batch:RATE or drop[-after-commit]:RATE, e.g. "429:0.2,504-after-commit:0.05,429-in-batch:0.1".`);
    const status = m[1].toLowerCase() === "drop" ? "drop" : Number(m[1]);
    const rate = Number(m[3]);
    if (status !== "drop" && (status < 400 || status > 599)) throw new Error(`Invalid fault status ${status}: use a 4xx or 5xx status.`);
    if (!(rate >= 0 && rate <= 1)) throw new Error(`Invalid fault rate ${m[3]}: use a number between 0 and 1.`);
    const kind = m[2]?.toLowerCase();
    if (kind === "-in-batch" && status === "drop") throw new Error(`Invalid fault '${part}': a part of a $batch cannot be dropped on its own (use drop:RATE for whole requests).`);
    return { status, rate, afterCommit: kind === "-after-commit", inBatch: kind === "-in-batch" } as FaultRule;
  });
  for (const inBatch of [false, true]) {
    const total = rules.filter((r) => r.inBatch === inBatch).reduce((s, r) => s + r.rate, 0);
    if (total > 1) throw new Error(`${inBatch ? "In-batch fault" : "Fault"} rates add up to ${total}, more than 1.`);
  }
  return rules;
}

/** mulberry32: tiny, fast and good enough to spread faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly rules: FaultRule[];
  private readonly random: () => number;
  constructor(spec: string | undefined, seed: number | undefined) {
    this.rules = parseFaults(spec);
    this.random = seed === undefined ? Math.random : seededRandom(seed);
  }
  get enabled(): boolean {
    return this.rules.length > 0;
  }
  /** The fault for this request, or undefined to serve it normally. */
  pick(): FaultRule | undefined {
    return this.draw(false);
  }
  /** The fault for one part of a $batch, or undefined to run it normally. */
  pickPart(): FaultRule | undefined {
    return this.draw(true);
  }
  private draw(inBatch: boolean): FaultRule | undefined {
    const rules = this.rules.filter((x) => x.inBatch === inBatch);
    if (rules.length === 0) return undefined;
    const r = this.random();
    let acc = 0;
    for (const rule of rules) {
      acc += rule.rate;
      if (r < acc) return rule;
    }
    return undefined;
  }
}
