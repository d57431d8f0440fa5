/**
 * Entry point of the Teams tab (personal app, channel tab, meeting panel, Outlook, Microsoft 365 app, browser).
 * Two visits land here: the tab itself, and Entra's answer to a sign-in made outside a host (this page is the
 * registered redirect URI), which is handed to the tab that asked and never starts a second tab.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isSignInAnswer } from "./app/auth/sign-in-answer.ts";
import { Boot } from "./app/boot.tsx";
import { mayBeHosted } from "./app/host.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
if (isSignInAnswer(window.location)) {
  root.textContent = "Finishing sign-in…";
  void import("./app/auth/redirect-bridge.ts").then((m) => m.finishSignIn());
} else {
  // In a host, teams-js and the sign-in are the next things start-up needs: fetch them alongside the first render.
  if (mayBeHosted()) {
    void import("./app/teams-sdk.ts");
    void import("./app/auth/m365-auth.ts");
  }
  createRoot(root).render(
    <StrictMode>
      <Boot />
    </StrictMode>,
  );
}
