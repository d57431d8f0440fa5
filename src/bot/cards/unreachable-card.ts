/** "Who is not being reminded": people who blocked or removed the bot, for the equalities lead. Pure. */
import type { ConversationRef } from "../../domain/types.ts";
import { type Card, card, heading, labelled, line, said, text } from "./common.ts";

export function buildUnreachableCard(refs: readonly Pick<ConversationRef, "name" | "upn" | "unreachableReason">[], officersWithoutBot: readonly string[] = []): Card {
  const body = [heading("Who is not being reminded")];
  if (refs.length === 0 && officersWithoutBot.length === 0) {
    body.push(text("Everyone who has the app can be reached."));
    return card(body);
  }
  if (refs.length) {
    body.push(text(`${refs.length} person(s) blocked or removed the bot, so their reminders are not being delivered:`));
    for (const r of refs) body.push(labelled(said(r.name || r.upn, 100), [said(r.upn, 255), ": ", said(r.unreachableReason ?? "unreachable", 255)]));
  }
  if (officersWithoutBot.length) {
    body.push(text(`${officersWithoutBot.length} officer(s) named on open actions have not installed the app yet:`));
    body.push(line(officersWithoutBot.flatMap((o, i) => (i ? [", ", said(o, 100)] : [said(o, 100)]))));
  }
  body.push(text("Ask them to add the Equality Action Plan app in Teams again; reminders resume on their next message.", { isSubtle: true }));
  return card(body);
}
