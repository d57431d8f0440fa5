/**
 * Links that open one action (or one equality impact assessment): in Teams (a deep link to the personal tab with a sub-entity id, so cards and chats
 * open it straight away) and standalone (the tab's own hash route). Pure: the bot and the tab both build them.
 */
export const MY_ACTIONS_ENTITY_ID = "my-actions";

export function actionSubEntityId(actionId: number): string {
  return `action-${actionId}`;
}

/** The action id in a sub-entity id ("action-12" → 12), or null. */
export function actionIdFromSubEntityId(subEntityId: string | null | undefined): number | null {
  const m = /^action-(\d+)$/.exec(subEntityId ?? "");
  return m ? Number(m[1]) : null;
}

export function actionTabRoute(actionId: number): string {
  return `#/actions/${actionId}`;
}

export function standaloneActionUrl(appBaseUrl: string, actionId: number): string {
  return `${appBaseUrl.replace(/\/+$/, "")}/${actionTabRoute(actionId)}`;
}

/** https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":"action-12"} */
export function teamsActionDeepLink(teamsAppId: string, actionId: number): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: actionSubEntityId(actionId) }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${MY_ACTIONS_ENTITY_ID}?context=${context}`;
}

export function eqiaSubEntityId(eqiaId: number): string {
  return `eqia-${eqiaId}`;
}

/** The tab's route a sub-entity id opens ("action-12" → "#/actions/12", "eqia-3" → "#/eqias/3"), or null. */
export function routeFromSubEntityId(subEntityId: string | null | undefined): string | null {
  const action = actionIdFromSubEntityId(subEntityId);
  if (action) return actionTabRoute(action);
  const m = /^eqia-(\d+)$/.exec(subEntityId ?? "");
  return m ? `#/eqias/${Number(m[1])}` : null;
}

export function standaloneEqiaUrl(appBaseUrl: string, eqiaId: number): string {
  return `${appBaseUrl.replace(/\/+$/, "")}/#/eqias/${eqiaId}`;
}

/** The EqIA in the personal tab, as teamsActionDeepLink opens an action. */
export function teamsEqiaDeepLink(teamsAppId: string, eqiaId: number): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: eqiaSubEntityId(eqiaId) }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${MY_ACTIONS_ENTITY_ID}?context=${context}`;
}
