/**
 * What Graph remembers between requests and restarts: Teams app installations per user, and the local outbox of
 * mail sent through `sendMail`. One SQLite file, `_graph.sqlite`, beside the sites (its leading underscore keeps it
 * out of the site registry).
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Sqlite } from "../store/sqlite";

export interface Installation {
  id: string;
  userId: string;
  catalogId: string;
  installedAt: string;
}

export interface SentMail {
  id: string;
  /** The mailbox it was sent from (its address). */
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  contentType: "HTML" | "Text";
  content: string;
  sentAt: string;
  /** Who sent it: an app id or a person's object id. */
  sentBy: string;
}

export class GraphStore {
  private readonly db: Sqlite;

  constructor(dataDir: string) {
    this.db = new Sqlite(join(dataDir, "_graph.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS installations (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, catalog_id TEXT NOT NULL, installed_at TEXT NOT NULL,
        UNIQUE (user_id, catalog_id));
      CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, message TEXT NOT NULL);
    `);
  }

  /** Graph's installation ids read as base64 of `<userId>##<catalogAppId>`; treat them as opaque. */
  static installationId(userId: string, catalogId: string): string {
    return Buffer.from(`${userId}##${catalogId}`).toString("base64");
  }

  installationsOf(userId: string): Installation[] {
    return (this.db.prepare("SELECT * FROM installations WHERE user_id = ? ORDER BY installed_at").all(userId) as Record<string, string>[]).map((r) => ({
      id: r.id,
      userId: r.user_id,
      catalogId: r.catalog_id,
      installedAt: r.installed_at,
    }));
  }

  /** false when the app is already installed for the user. */
  install(userId: string, catalogId: string): boolean {
    const info = this.db.prepare("INSERT OR IGNORE INTO installations (id, user_id, catalog_id, installed_at) VALUES (?, ?, ?, ?)").run(GraphStore.installationId(userId, catalogId), userId, catalogId, new Date().toISOString());
    return Number(info.changes) === 1;
  }

  send(mail: Omit<SentMail, "id" | "sentAt">): SentMail {
    const m: SentMail = { ...mail, id: randomUUID(), sentAt: new Date().toISOString() };
    const seq = (this.db.prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM outbox").get() as { n: number }).n;
    this.db.prepare("INSERT INTO outbox (id, seq, message) VALUES (?, ?, ?)").run(m.id, seq, JSON.stringify(m));
    return m;
  }

  outbox(): SentMail[] {
    return (this.db.prepare("SELECT message FROM outbox ORDER BY seq").all() as { message: string }[]).map((r) => JSON.parse(r.message));
  }

  mail(id: string): SentMail | undefined {
    const r = this.db.prepare("SELECT message FROM outbox WHERE id = ?").get(id) as { message: string } | undefined;
    return r ? JSON.parse(r.message) : undefined;
  }

  clearOutbox(): void {
    this.db.exec("DELETE FROM outbox");
  }

  close(): void {
    this.db.close();
  }
}
