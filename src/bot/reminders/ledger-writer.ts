/**
 * Records a run's outcomes in the ledger without holding up the senders: officers' digest rows are updated and
 * their nudges' rows added, 50 per $batch, written in the background one request after another as batches fill,
 * and the rest at the end. A write that fails after its retries is counted (those nudges may be sent once more).
 */
import { LEDGER_BATCH_SIZE, type LedgerMark, type LedgerRecord, markLedger, recordNudges } from "../../data/ledger/index.ts";
import type { BotContext } from "../context.ts";
import type { RunReport } from "./report.ts";

export class LedgerWriter {
  private readonly marks: LedgerMark[] = [];
  private readonly records: LedgerRecord[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: BotContext,
    private readonly report: RunReport,
  ) {}

  mark(m: LedgerMark): void {
    this.marks.push(m);
    this.flush(false);
  }

  record(rows: readonly LedgerRecord[]): void {
    this.records.push(...rows);
    this.flush(false);
  }

  /** Writes what is left and resolves when everything has been written (or has failed). */
  finish(): Promise<void> {
    return this.flush(true);
  }

  private flush(all: boolean): Promise<void> {
    const take = <T>(xs: T[]) => xs.splice(0, all ? xs.length : xs.length - (xs.length % LEDGER_BATCH_SIZE));
    const marks = take(this.marks);
    const records = take(this.records);
    if (marks.length === 0 && records.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      const failedMarks = marks.length ? await markLedger(this.ctx.sp, marks).catch(() => marks.map((m) => m.id)) : [];
      const failedRecords = records.length ? await recordNudges(this.ctx.sp, records).catch(() => records.map((r) => r.key)) : [];
      this.report.ledgerWriteFailures += failedMarks.length + failedRecords.length;
      if (failedMarks.length || failedRecords.length) this.ctx.log.error({ ids: failedMarks, keys: failedRecords }, "could not record reminder outcomes in the ledger");
    });
    return this.writing;
  }
}
