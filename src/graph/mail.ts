/**
 * Sending an email as the configured shared mailbox (`POST /users/{mailbox}/sendMail`, 202 with no body). The app
 * holds Mail.Send limited to that one mailbox by Exchange Online's RBAC for Applications (docs/deploy.md), so a
 * 403 here is a deployment problem (`forbidden`), not the recipient's. Never retried on a 5xx or a lost answer:
 * Graph may have sent it, and there is no idempotency key.
 *
 * Exchange Online allows a mailbox 30 messages a minute: sends are spaced 2 s apart (`minIntervalMs`).
 */
import type { GraphClient } from "./client.ts";

export interface Mail {
  to: string;
  subject: string;
  html: string;
}

export class Mailer {
  private next = 0;
  constructor(
    readonly graph: GraphClient,
    readonly sender: string,
    private readonly minIntervalMs = 2_000,
  ) {}

  async send(m: Mail): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.minIntervalMs;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
    await this.graph.request(
      "POST",
      `/users/${encodeURIComponent(this.sender)}/sendMail`,
      `Sending an email to ${m.to}`,
      { message: { subject: m.subject, body: { contentType: "HTML", content: m.html }, toRecipients: [{ emailAddress: { address: m.to } }] }, saveToSentItems: false },
      { idempotent: false },
    );
  }
}
