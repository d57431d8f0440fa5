/** What the EqIA feature gives the route table: one chunk for the register, one assessment and the action's panel. */
export { default as ActionEqias } from "./action-eqias.tsx";
export { default as EqiaRegisterView } from "./eqia-register-view.tsx";
export { default as EqiaView } from "./eqia-view.tsx";
