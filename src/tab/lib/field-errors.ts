/**
 * The domain's problems (each naming its field: "value", "link", "reviewDate") as the message under each field of a
 * form, beginning with the field's name as the form shows it: "Value: "lots" is not a number; …". The first
 * problem of a field is shown; one whose field the form does not have goes under `fallback`.
 */
export function fieldErrors<F extends string>(problems: ReadonlyArray<{ field: string; message: string }>, names: Readonly<Record<F, string>>, fallback: F): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const p of problems) {
    const f = (p.field in names ? p.field : fallback) as F;
    out[f] ??= `${names[f]}: ${p.message}`;
  }
  return out;
}
