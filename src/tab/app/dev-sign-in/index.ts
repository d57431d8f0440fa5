/** Local mode's development sign-in, loaded on demand by the boot (never part of the production path). */
export { LOCAL_PEOPLE, localIdentity, localTokenProvider, rememberedLocalUser, rememberLocalUser } from "./local-auth.ts";
export { SignInView } from "./sign-in-view.tsx";
