/**
 * Configuration page of the channel tab: the team chooses which view the tab opens; Teams saves the content URL
 * and entity id given here (pages.config.setValidityState / registerOnSaveHandler).
 */
import { Field, Select, Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { pages } from "@microsoft/teams-js";
import { useEffect, useState } from "react";
import { useAppContext } from "../../lib/app-context.tsx";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "32rem" },
  h1: { ...typographyStyles.title2, margin: 0 },
});

const CHOICES = [
  { route: "plan", label: "The whole plan" },
  { route: "due", label: "Due and overdue (EDI group)" },
  { route: "my", label: "My actions" },
];

export function tabSettingsFor(baseUrl: string, route: string) {
  const contentUrl = `${baseUrl.replace(/[#?].*$/, "")}#/${route}`;
  return { entityId: `eap-${route}`, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: "Equality action plan" };
}

export default function ConfigView() {
  const s = useStyles();
  const { host, config, announce } = useAppContext();
  const [route, setRoute] = useState("plan");

  useEffect(() => {
    if (!host.inTeams) return;
    pages.config.registerOnSaveHandler(async (evt) => {
      try {
        await pages.config.setConfig(tabSettingsFor(config.appBaseUrl ?? window.location.href, route));
        evt.notifySuccess();
      } catch (err) {
        evt.notifyFailure((err as Error).message);
      }
    });
    pages.config.setValidityState(true);
  }, [host.inTeams, config.appBaseUrl, route]);

  return (
    <section className={s.root} aria-labelledby="config-title">
      <h1 id="config-title" className={s.h1}>
        Set up the Equality Action Plan tab
      </h1>
      <Field label="What this tab shows">
        <Select
          value={route}
          onChange={(_, d) => {
            setRoute(d.value);
            announce(`The tab will open ${CHOICES.find((c) => c.route === d.value)?.label}.`);
          }}
        >
          {CHOICES.map((c) => (
            <option key={c.route} value={c.route}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {!host.inTeams && <Text>Outside Teams there is nothing to save: this page only matters when adding the tab to a channel.</Text>}
    </section>
  );
}
