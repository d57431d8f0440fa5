/** Linking actions to an assessment (the EDI group): by the action's reference in the current plan, and unlinking. */
import { useState } from "react";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import type { EqiaLink } from "../../../domain/evidence.ts";
import { EQIA_RELATION_LABELS, type EqiaRelation } from "../../../domain/measure-constants.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { linkAction, unlinkAction } from "./save-eqia.ts";

export function useEqiaLinks(eqia: EqiaRecord, reload: () => Promise<void>) {
  const { api, plan, announce } = useAppContext();
  const [reference, setReference] = useState("");
  const [relation, setRelation] = useState<EqiaRelation>("gave-rise-to");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      announce(await work());
      await reload();
    } catch (err) {
      const e = describeError(err);
      setError(e.detail);
      announce(`Nothing was changed. ${e.detail}`);
    } finally {
      setBusy(false);
    }
  };

  const link = () => {
    if (!plan) return;
    if (reference.trim() === "") {
      setError("Action reference: give the reference of an action in the current plan, such as CL-22-4.");
      return;
    }
    void run(async () => {
      const l = await linkAction(api, eqia, plan, reference, relation);
      setReference("");
      return `Linked: this assessment ${EQIA_RELATION_LABELS[l.relation]} ${l.actionReference || "the action"}.`;
    });
  };
  const unlink = (l: EqiaLink) =>
    void run(async () => {
      await unlinkAction(api, l);
      return `Unlinked ${l.actionReference || "the action"}.`;
    });

  return { plan, reference, setReference, relation, setRelation, error, busy, link, unlink };
}
