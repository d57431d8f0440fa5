/**
 * Links that open one action: in Teams (a deep link to the personal tab with a sub-entity id, so cards and chats
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
