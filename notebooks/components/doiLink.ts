import { element } from "./element.js";

/** A link to a DOI at doi.org (opens in a new tab), or an empty text node when there is none. */
export function doiLink(doi: string | null | undefined): Node {
  if (!doi) return document.createTextNode("");
  return element("a", { href: `https://doi.org/${doi}`, target: "_blank", rel: "noopener" }, doi);
}
