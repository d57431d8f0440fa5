/**
 * The covering report's repeating parts, item by item: numbered paragraphs, pairs (role and holder, meeting and
 * date), sections, options, the cross-cutting rows. Each group is a fieldset with its legend; each control has
 * its own label naming the item ("Paragraph 2 text"), and every item can be removed and added by keyboard.
 * Each editor is memoised: typing in one part re-renders that part only, not the whole (long) report.
 */
import { Button, Field, Input, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { memo, type ReactNode } from "react";
import type { CoverReportInput } from "../../../../domain/cover-report.ts";
import { useCoverFormStyles } from "./cover-form.styles.ts";

type Numbered = Array<{ number: string; text: string }>;

export function Group({ legend, children, hint }: { legend: string; hint?: string; children: ReactNode }) {
  const s = useCoverFormStyles();
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>{legend}</legend>
      {hint && <span>{hint}</span>}
      {children}
    </fieldset>
  );
}

function Rows<T>(p: { items: readonly T[]; noun: string; onChange(items: T[]): void; blank: () => T; render(item: T, i: number, set: (patch: Partial<T>) => void): ReactNode }) {
  const s = useCoverFormStyles();
  const set = (i: number) => (patch: Partial<T>) => p.onChange(p.items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      {p.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; every control is controlled
        <div className={s.row} key={i}>
          {p.render(item, i, set(i))}
          <div className={s.buttons}>
            <Button onClick={() => p.onChange(p.items.filter((_, j) => j !== i))}>
              Remove {p.noun} {i + 1}
            </Button>
          </div>
        </div>
      ))}
      <div className={s.buttons}>
        <Button onClick={() => p.onChange([...p.items, p.blank()])}>Add {p.noun}</Button>
      </div>
    </>
  );
}

export const NumberedEditor = memo(function NumberedEditor({ legend, items, onChange }: { legend: string; items: Numbered; onChange(items: Numbered): void }) {
  const s = useCoverFormStyles();
  return (
    <Group legend={legend}>
      <Rows
        items={items}
        noun="paragraph"
        onChange={onChange}
        blank={() => ({ number: "", text: "" })}
        render={(p, i, set) => (
          <>
            <Field label={`Paragraph ${i + 1} number`} hint="As the report numbers it, e.g. 5.1; may be empty">
              <Input value={p.number} onChange={(_, d) => set({ number: d.value })} />
            </Field>
            <Field label={`Paragraph ${i + 1} text`} className={s.wide}>
              <Textarea value={p.text} onChange={(_, d) => set({ text: d.value })} resize="vertical" />
            </Field>
          </>
        )}
      />
    </Group>
  );
});

export const LeadRolesEditor = memo(function LeadRolesEditor({ items, onChange }: { items: CoverReportInput["leadRoles"]; onChange(items: CoverReportInput["leadRoles"]): void }) {
  return (
    <Group legend="Lead roles" hint="By role, never by name: the report outlives the people in post.">
      <Rows
        items={items}
        noun="role"
        onChange={onChange}
        blank={() => ({ role: "", holder: "" })}
        render={(r, i, set) => (
          <>
            <Field label={`Role ${i + 1}`} hint="e.g. Lead Head of Service">
              <Input value={r.role} onChange={(_, d) => set({ role: d.value })} />
            </Field>
            <Field label={`Post or team holding role ${i + 1}`}>
              <Input value={r.holder} onChange={(_, d) => set({ holder: d.value })} />
            </Field>
          </>
        )}
      />
    </Group>
  );
});

export const TimetableEditor = memo(function TimetableEditor({ items, onChange }: { items: CoverReportInput["timetable"]; onChange(items: CoverReportInput["timetable"]): void }) {
  return (
    <Group legend="Timetable" hint="The meetings the report goes to, in order.">
      <Rows
        items={items}
        noun="meeting"
        onChange={onChange}
        blank={() => ({ meeting: "", date: "" })}
        render={(t, i, set) => (
          <>
            <Field label={`Meeting ${i + 1}`}>
              <Input value={t.meeting} onChange={(_, d) => set({ meeting: d.value })} />
            </Field>
            <Field label={`Date of meeting ${i + 1}`}>
              <Input type="date" value={t.date} onChange={(_, d) => set({ date: d.value })} />
            </Field>
          </>
        )}
      />
    </Group>
  );
});

export const SectionsEditor = memo(function SectionsEditor({ items, onChange }: { items: CoverReportInput["sections"]; onChange(items: CoverReportInput["sections"]): void }) {
  const s = useCoverFormStyles();
  return (
    <Group legend="Report sections" hint="The numbered sections of prose: introduction and background, looking forward…">
      <Rows
        items={items}
        noun="section"
        onChange={onChange}
        blank={() => ({ number: "", heading: "", paragraphs: [] })}
        render={(sec, i, set) => (
          <>
            <Field label={`Section ${i + 1} number`}>
              <Input value={sec.number} onChange={(_, d) => set({ number: d.value })} />
            </Field>
            <Field label={`Section ${i + 1} heading`}>
              <Input value={sec.heading} onChange={(_, d) => set({ heading: d.value })} />
            </Field>
            <div className={s.wide}>
              <NumberedEditor legend={`Paragraphs of section ${i + 1}`} items={sec.paragraphs} onChange={(paragraphs) => set({ paragraphs })} />
            </div>
          </>
        )}
      />
    </Group>
  );
});

export const OptionsEditor = memo(function OptionsEditor({ items, onChange }: { items: CoverReportInput["options"]; onChange(items: CoverReportInput["options"]): void }) {
  const s = useCoverFormStyles();
  const chosen = items.findIndex((o) => o.recommended);
  return (
    <Group legend="Available options">
      <Rows
        items={items}
        noun="option"
        onChange={onChange}
        blank={() => ({ number: "", text: "", recommended: false })}
        render={(o, i, set) => (
          <>
            <Field label={`Option ${i + 1} number`}>
              <Input value={o.number} onChange={(_, d) => set({ number: d.value })} />
            </Field>
            <Field label={`Option ${i + 1} text`} className={s.wide}>
              <Textarea value={o.text} onChange={(_, d) => set({ text: d.value })} resize="vertical" />
            </Field>
          </>
        )}
      />
      {items.length > 0 && (
        <Field label="Recommended option">
          <RadioGroup value={chosen < 0 ? "" : String(chosen)} onChange={(_, d) => onChange(items.map((o, j) => ({ ...o, recommended: String(j) === d.value })))}>
            {items.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are told apart by their place
              <Radio key={i} value={String(i)} label={`Option ${i + 1}${o.number ? ` (${o.number})` : ""}`} />
            ))}
          </RadioGroup>
        </Field>
      )}
    </Group>
  );
});

export const CrossCuttingEditor = memo(function CrossCuttingEditor(p: {
  items: CoverReportInput["crossCuttingImplications"];
  implications: string[];
  onChange(items: CoverReportInput["crossCuttingImplications"], implications: string[]): void;
}) {
  const s = useCoverFormStyles();
  const rows = p.items.map((r, i) => ({ ...r, text: p.implications[i] ?? "" }));
  return (
    <Group legend="Cross-cutting issues and implications" hint="One row per issue, signed off by a role.">
      <Rows
        items={rows}
        noun="issue"
        onChange={(next) =>
          p.onChange(
            next.map(({ text: _text, ...r }) => r),
            next.map((r) => r.text),
          )
        }
        blank={() => ({ issue: "", implications: [], signOff: "", text: "" })}
        render={(r, i, set) => (
          <>
            <Field label={`Issue ${i + 1}`}>
              <Input value={r.issue} onChange={(_, d) => set({ issue: d.value })} />
            </Field>
            <Field label={`Issue ${i + 1} signed off by`}>
              <Input value={r.signOff} onChange={(_, d) => set({ signOff: d.value })} />
            </Field>
            <Field label={`Implications of issue ${i + 1}`} hint="Paragraphs, a blank line between them" className={s.wide}>
              <Textarea value={r.text} onChange={(_, d) => set({ text: d.value })} resize="vertical" />
            </Field>
          </>
        )}
      />
    </Group>
  );
});
