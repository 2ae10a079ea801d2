/** An input element (an Observable Inputs form, or one input) whose value is an object of fields or a single value. */
export type StatefulInput = HTMLElement & { value: unknown };

type Scalar = string | number | boolean | null;

function encode(value: unknown): string | null {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return value.map(String).join("~");
  return null;
}

/** Reads `text` as the type of `like` (the input's current value), or undefined when it cannot. */
function decode(text: string, like: unknown): Scalar | Scalar[] | undefined {
  if (typeof like === "number") return text.trim() === "" ? undefined : Number(text);
  if (typeof like === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  if (typeof like === "string") return text;
  if (like === null) return text === "null" ? null : text;
  if (Array.isArray(like)) {
    const items = text === "" ? [] : text.split("~");
    return like.length > 0 && typeof like[0] === "number" ? items.map(Number) : items;
  }
  return undefined;
}

/**
 * Sets fields of a form (a `checkedForm`, or any Observable Inputs form) from texts — a link's parameters, a
 * loaded scenario — read as the type of each field's current value. A number the field refuses (outside its
 * range, not an integer) is typed into its number box as given, so that the field's check shows the problem
 * and the page computes nothing, instead of silently using the nearest allowed value.
 */
export function applyValues(input: StatefulInput, texts: Readonly<Record<string, string>>): void {
  const current = input.value as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, text] of Object.entries(texts)) {
    if (!(key in current) || key === "problems") continue;
    const value = decode(text, current[key]);
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) continue;
    next[key] = value;
    changed = true;
  }
  if (changed) input.value = next;
  const fields = (input as { fields?: Record<string, HTMLElement> }).fields;
  for (const [key, text] of Object.entries(texts)) {
    if (typeof current[key] !== "number" || Object.is((input.value as Record<string, unknown>)[key], Number(text))) continue;
    const box = fields?.[key]?.querySelector('input[type="number"]') as HTMLInputElement | null | undefined;
    if (!box) continue;
    box.value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/**
 * Keeps an input's state in the page URL (issue 13: "a link reproduces the view"): each field of the form's value
 * is a query parameter `prefix.field` (a single input: `prefix`), written with `history.replaceState` as the
 * input changes; on page load, the parameters present are applied before the page reads the input, so a copied
 * link opens the same view. Values are read back as the type of the input's default (numbers, text, true/false,
 * lists joined by "~"); a value the input does not accept (say seed=1.5 by hand) is typed into the input as it
 * is, so the input's own check shows the problem instead of a silent replacement. Fields whose value cannot be
 * written (objects, invalid numbers) are left out.
 */
export function urlState(input: StatefulInput, prefix: string): StatefulInput {
  const params = new URLSearchParams(window.location.search);
  const current = input.value;
  const isForm = current !== null && typeof current === "object" && !Array.isArray(current);
  if (isForm) {
    const given: Record<string, string> = {};
    for (const key of Object.keys(current as Record<string, unknown>)) {
      const text = params.get(`${prefix}.${key}`);
      if (text !== null && key !== "problems") given[key] = text;
    }
    applyValues(input, given);
  } else {
    const text = params.get(prefix);
    const value = text === null ? undefined : decode(text, current);
    if (value !== undefined) input.value = value;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(window.location.href);
      const value = input.value;
      if (isForm) {
        for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
          if (key === "problems") continue;
          const text = encode(field);
          if (text !== null) url.searchParams.set(`${prefix}.${key}`, text);
        }
      } else {
        const text = encode(value);
        if (text !== null) url.searchParams.set(prefix, text);
      }
      window.history.replaceState(window.history.state, "", url);
    }, 150);
  });
  return input;
}
