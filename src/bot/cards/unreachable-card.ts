/** "Who is not being reminded": people who blocked or removed the bot, for the equalities lead. Pure. */
import type { ConversationRef } from "../../domain/types.ts";
import { type Card, card, facts, heading, plain, text } from "./common.ts";

export function buildUnreachableCard(refs: readonly Pick<ConversationRef, "name" | "upn" | "unreachableReason">[], officersWithoutBot: readonly string[] = []): Card {
  const body = [heading("Who is not being reminded")];
  if (refs.length === 0 && officersWithoutBot.length === 0) {
    body.push(text("Everyone who has the app can be reached."));
    return card(body);
  }
  if (refs.length) {
    body.push(text(`${refs.length} person(s) blocked or removed the bot, so their reminders are not being delivered:`));
    body.push(facts(refs.map((r) => [plain(r.name || r.upn, 100), plain(`${r.upn}: ${r.unreachableReason ?? "unreachable"}`, 250)])));
  }
  if (officersWithoutBot.length) {
    body.push(text(`${officersWithoutBot.length} officer(s) named on open actions have not installed the app yet:`));
    body.push(text(officersWithoutBot.map((o) => plain(o, 100)).join(", ")));
  }
  body.push(text("Ask them to add the Equality Action Plan app in Teams again; reminders resume on their next message.", { isSubtle: true }));
  return card(body);
}
