/** "Who is not being reminded": people who blocked or removed the bot, for the equalities lead. Pure. */
import type { ConversationRef } from "../../domain/types.ts";
import { type Card, card, heading, labelled, line, said, text } from "./common.ts";

type Ref = Pick<ConversationRef, "name" | "upn" | "unreachableReason" | "problem">;

/** Blocked or removed in Teams (a conversation Teams refuses), as opposed to what installing or the directory found. */
const teamsRefused = (r: Ref) => !r.problem || r.problem === "bot-blocked" || r.problem === "not-installed";

export function buildUnreachableCard(refs: readonly Ref[], officersWithoutBot: readonly string[] = []): Card {
  const body = [heading("Who is not being reminded")];
  if (refs.length === 0 && officersWithoutBot.length === 0) {
    body.push(text("Everyone who has the app can be reached."));
    return card(body);
  }
  const person = (r: Ref) => labelled(said(r.name || r.upn, 100), [said(r.upn, 255), ": ", said(r.unreachableReason ?? "unreachable", 255)]);
  const blocked = refs.filter(teamsRefused);
  const others = refs.filter((r) => !teamsRefused(r));
  if (blocked.length) {
    body.push(text(`${blocked.length} person(s) blocked or removed the bot, so their reminders are not being delivered:`));
    body.push(...blocked.map(person));
  }
  if (others.length) {
    // Why, and what to do: emailed instead where they have a mailbox; their actions handed over if they left.
    body.push(text(`${others.length} person(s) cannot be reached in Teams (emailed instead where they have a mailbox, or listed for handover):`));
    body.push(...others.map(person));
  }
  if (officersWithoutBot.length) {
    body.push(text(`${officersWithoutBot.length} officer(s) named on open actions have not installed the app yet:`));
    body.push(line(officersWithoutBot.flatMap((o, i) => (i ? [", ", said(o, 100)] : [said(o, 100)]))));
  }
  body.push(text("Ask them to add the Equality Action Plan app in Teams again; reminders resume on their next message.", { isSubtle: true }));
  return card(body);
}
