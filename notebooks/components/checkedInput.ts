import { numberProblem, type NumberCheck } from "../engine/util/numberProblem.js";

/** How a typed number is checked: the CLI command and flag it corresponds to, and its bounds. */
export interface FlagCheck extends NumberCheck {
  /** The CLI command whose flag this input mirrors ("simulate", "power"). */
  readonly command: string;
  /** The flag's name without dashes ("n", "seed", "tau"). */
  readonly flag: string;
}

/** Or a check of its own: the whole message for a typed text, null when valid (e.g. the patient parser's message for one field). */
export interface CustomCheck {
  readonly validate: (text: string) => string | null;
}

export type CheckedInputOptions = FlagCheck | CustomCheck;

/** The message for `text` under `options`, or null when it is valid. */
export function checkProblem(text: string, options: CheckedInputOptions): string | null {
  if ("validate" in options) return options.validate(text);
  const problem = numberProblem(text, options);
  return problem === null ? null : `pnen-sim ${options.command}: --${options.flag}: ${problem}`;
}

/** An input element as Observable Inputs make them: an element with a `value`. */
export type ValueElement = HTMLElement & { value: unknown };

/** A checked input: the wrapped element, and the problem with what is typed in it (null when valid). */
export type CheckedInput = HTMLElement & { value: unknown; readonly problem: string | null };

/**
 * Wraps an Observable Inputs number or range input so that a typed value outside its bounds is never used
 * silently (issue 13): the CLI's message for the same flag ("pnen-sim simulate: --n: expected an integer
 * >= 1000 <= 20000, got '50000'") is shown under the input, the input is marked invalid, and the wrapper's
 * value becomes NaN — so a page computes nothing rather than computing with a value other than the one shown.
 * Observable Inputs, left alone, keep their last valid value and stop the event, which is how the shown and
 * the used values used to differ.
 */
export function checkedInput(input: ValueElement, options: CheckedInputOptions): CheckedInput {
  const wrapper = document.createElement("div");
  wrapper.className = "pnen-checked";
  const message = document.createElement("p");
  message.className = "pnen-input-problem";
  message.setAttribute("role", "alert");
  message.hidden = true;
  wrapper.append(input, message);
  let problem: string | null = null;
  const typed = (): HTMLInputElement | null => input.querySelector('input[type="number"], input[type="text"]');
  const show = (next: string | null): void => {
    problem = next;
    message.hidden = next === null;
    message.textContent = next ?? "";
    typed()?.setAttribute("aria-invalid", next === null ? "false" : "true");
  };
  wrapper.addEventListener(
    "input",
    (event) => {
      const target = event.target as HTMLInputElement;
      if (target === typed()) {
        // The CLI's check first; then the input's own range and step (a value the CLI accepts but this input cannot hold).
        const found = checkProblem(target.value, options) ?? boundsProblem(target);
        show(found);
        if (found !== null) {
          // Not passed to the input (which would keep its previous value): the page hears that the value is now invalid.
          event.stopPropagation();
          wrapper.dispatchEvent(new Event("input", { bubbles: true }));
        }
      } else if (target !== (wrapper as EventTarget)) show(null);
    },
    true,
  );
  Object.defineProperty(wrapper, "value", {
    get: () => (problem === null ? input.value : Number.NaN),
    set: (value: unknown) => {
      input.value = value;
      const box = typed();
      if (box && box.value !== "" && checkProblem(box.value, options) === null) show(null);
    },
  });
  Object.defineProperty(wrapper, "problem", { get: () => problem });
  return wrapper as unknown as CheckedInput;
}

/** What the input's own bounds say about its typed value (min, max, step), in the CLI's words; null when it holds. */
function boundsProblem(box: HTMLInputElement): string | null {
  if (box.checkValidity()) return null;
  const label = box.closest("form")?.querySelector("label")?.textContent?.trim() ?? box.name;
  const expected = [box.min !== "" ? `>= ${box.min}` : "", box.max !== "" ? `<= ${box.max}` : "", box.step !== "" && box.step !== "any" ? `in steps of ${box.step}` : ""].filter(Boolean).join(" ");
  return `${label}: expected a number ${expected} (this input's range), got '${box.value}'`;
}

/** The problems of the checked inputs among `fields`, one line each. */
export function inputProblems(fields: Readonly<Record<string, unknown>>): string[] {
  return Object.values(fields)
    .map((field) => (field instanceof HTMLElement && "problem" in field ? (field as CheckedInput).problem : null))
    .filter((problem): problem is string => problem !== null);
}

/**
 * An Observable Inputs form (pass the `Inputs.form` function and the fields) whose value also lists the problems
 * of its checked inputs: `{...values, problems: string[]}`. A page computes only when `problems` is empty.
 */
export function checkedForm<T extends Record<string, ValueElement>>(form: (fields: T) => ValueElement, fields: T): ValueElement {
  const inner = form(fields);
  const wrapper = document.createElement("div");
  wrapper.className = "pnen-checked-form";
  wrapper.append(inner);
  Object.defineProperty(wrapper, "fields", { value: fields });
  Object.defineProperty(wrapper, "value", {
    get: () => ({ ...(inner.value as object), problems: inputProblems(fields) }),
    set: (value: Record<string, unknown>) => {
      inner.value = value;
    },
  });
  return wrapper as unknown as ValueElement;
}
