/** Attributes of {@link element}: strings are set as attributes, `className` and `dataset` as properties. */
export interface ElementProps {
  readonly className?: string;
  readonly dataset?: Readonly<Record<string, string>>;
  readonly [attribute: string]: string | Readonly<Record<string, string>> | undefined;
}

type Child = Node | string | number | null | undefined | false | readonly Child[];

/**
 * A DOM element from a tag, attributes and children — what the pages would use `htl`'s `html` for. (htl 1.0
 * declares only an `import` export condition, which Framework 1.13's node_modules resolver cannot resolve, and
 * the implicit `html` global would come from a CDN.) Children that are strings become text, so nothing is
 * parsed as HTML.
 */
export function element(tag: string, props: ElementProps = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === "className") node.className = value as string;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value as string);
  }
  const append = (child: Child): void => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) (child as readonly Child[]).forEach(append);
    else node.append(typeof child === "number" ? String(child) : (child as Node | string));
  };
  children.forEach(append);
  return node;
}
