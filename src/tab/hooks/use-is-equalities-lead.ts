/** Whether the signed-in person is the equalities lead (the site group's member list read at start-up). */
import { useAppContext } from "../lib/app-context.tsx";

export function useIsEqualitiesLead(): boolean {
  const { members, me } = useAppContext();
  return members.some((m) => m.person.id === me.id && m.role === "equalities-lead");
}
