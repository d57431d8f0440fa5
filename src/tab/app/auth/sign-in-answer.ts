/** Tells the redirect URI's visit (Entra's answer to a sign-in) from a visit to the tab, without loading MSAL. */

/** An authorization answer in the URL: a state with a code or an error, in the fragment or the query. */
export function isSignInAnswer(location: Pick<Location, "hash" | "search">): boolean {
  for (const part of [location.hash.replace(/^#/, ""), location.search.replace(/^\?/, "")]) {
    const p = new URLSearchParams(part);
    if (p.has("state") && (p.has("code") || p.has("error"))) return true;
  }
  return false;
}
