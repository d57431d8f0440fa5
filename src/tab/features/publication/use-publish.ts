/**
 * Making the public page from the tab: the same pipeline as `eap publish` (src/report/publish/public-site.ts, loaded
 * only when asked), as one .zip download holding index.html and the CSV. With updates of the year still awaiting
 * approval it stops and asks: wait (and approve them), or publish the approved ones only and list the rest.
 */
import { useState } from "react";
import type { AwaitingUpdate } from "../../../domain/publication.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { ReportError } from "../../../domain/report-model.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { downloadBlob, fileNameOf } from "../../lib/download.ts";
import { describeError } from "../../lib/errors.ts";
import { zipStore } from "./zip-store.ts";

export type PublishState =
  | { name: "idle" }
  | { name: "making" }
  /** Updates await approval: the lead chooses. */
  | { name: "asking"; awaiting: AwaitingUpdate[] }
  | { name: "made"; fileName: string; files: string[]; leftOut: AwaitingUpdate[]; actions: number }
  | { name: "failed"; message: string };

export function usePublish(period: string, onWait: () => void) {
  const { sp, plan, now, announce } = useAppContext();
  const [state, setState] = useState<PublishState>({ name: "idle" });

  const make = async (approvedOnly: boolean) => {
    if (!plan) return;
    setState({ name: "making" });
    announce(`Making the public page for ${period}…`);
    try {
      const { publicSiteFiles } = await import("../../../report/publish/public-site.ts");
      const at = now();
      const { model, files } = await publicSiteFiles(sp, plan, period, { publishedOn: londonDate(at), awaiting: approvedOnly ? "leave-out" : "refuse" });
      const fileName = fileNameOf(`${plan.title} public progress ${period}`, "zip");
      downloadBlob(new Blob([zipStore(files, at) as BlobPart], { type: "application/zip" }), fileName);
      const leftOut = model.leftOut;
      setState({ name: "made", fileName, files: files.map((f) => f.name), leftOut, actions: model.actionCount });
      announce(`Public page for ${period} made: ${fileName}${leftOut.length ? `, ${leftOut.length} update(s) awaiting approval left out` : ""}.`);
    } catch (err) {
      if (err instanceof ReportError && err.reason === "awaiting-approval") {
        setState({ name: "asking", awaiting: err.awaiting });
        announce(`${err.awaiting.length} update(s) for ${period} await approval. Wait and approve them, or publish the approved updates only.`);
        return;
      }
      const message = err instanceof Error && (err.name === "ReportError" || err.name === "PublicPageError") ? err.message : (() => {
        const e = describeError(err);
        return `${e.title}. ${e.detail}`;
      })();
      setState({ name: "failed", message });
      announce(`Not made: ${message}`);
    }
  };

  const wait = () => {
    setState({ name: "idle" });
    onWait();
  };

  return { state, make, wait };
}
