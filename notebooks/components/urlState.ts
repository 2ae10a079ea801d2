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
  const typedInto: [Element, string][] = [];
  if (isForm) {
    const entries = Object.entries(current as Record<string, unknown>).filter(([key]) => key !== "problems");
    const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
    let changed = false;
    for (const [key, like] of entries) {
      const text = params.get(`${prefix}.${key}`);
      if (text === null) continue;
      const value = decode(text, like);
      if (value === undefined) continue;
      if (typeof value === "number" && !Number.isFinite(value)) continue;
      next[key] = value;
      changed = true;
    }
    if (changed) input.value = next;
    // A number the input refused (out of its range, not an integer): type it in, so its check shows the message.
    for (const [key, like] of entries) {
      const text = params.get(`${prefix}.${key}`);
      if (text === null || typeof like !== "number" || Object.is((input.value as Record<string, unknown>)[key], Number(text))) continue;
      const box = (input as { fields?: Record<string, HTMLElement> }).fields?.[key]?.querySelector('input[type="number"]');
      if (box) typedInto.push([box, text]);
    }
  } else {
    const text = params.get(prefix);
    const value = text === null ? undefined : decode(text, current);
    if (value !== undefined) input.value = value;
  }
  for (const [box, text] of typedInto) {
    (box as HTMLInputElement).value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
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
