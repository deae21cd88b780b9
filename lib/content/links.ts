import { TimelineCategory } from "./schemas";

/**
 * The site's routes and anchors, so that internal links written in content can
 * be checked at load time instead of turning into 404s or dead "#" jumps.
 */

export interface LinkTargets {
  timelineIds: ReadonlySet<string>;
  personIds: ReadonlySet<string>;
  termIds: ReadonlySet<string>;
  /** Explainer slug → heading ids in that explainer. */
  explainerHeadings: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Routes that exist but have no content-defined anchors. */
const PLAIN_ROUTES = new Set(["/", "/explainers", "/sources", "/about", "/quiz"]);

/** Filtered timeline pages, /timeline/<category>. */
const TIMELINE_CATEGORY_ROUTES = new Set(TimelineCategory.options.map((c) => `/timeline/${c}`));

/**
 * Returns null when `href` points at a real page (and anchor, if any), or a
 * sentence saying what is wrong.
 */
export function checkInternalLink(href: string, targets: LinkTargets): string | null {
  if (!href.startsWith("/") || href.startsWith("//")) return `"${href}" is not an internal link`;
  if (href.includes("?")) return `"${href}": query strings are not used on this site`;
  const hashAt = href.indexOf("#");
  const route = hashAt < 0 ? href : href.slice(0, hashAt);
  const anchor = hashAt < 0 ? undefined : href.slice(hashAt + 1);
  if (anchor === "") return `"${href}" has an empty anchor`;

  const anchorIn = (ids: ReadonlySet<string>, what: string): string | null =>
    anchor === undefined || ids.has(anchor) ? null : `"${href}": no ${what} with id "${anchor}"`;

  if (route === "/timeline") return anchorIn(targets.timelineIds, "timeline event");
  if (route === "/people") return anchorIn(targets.personIds, "person");
  if (route === "/glossary") return anchorIn(targets.termIds, "glossary term");
  if (route.startsWith("/explainers/")) {
    const slug = route.slice("/explainers/".length);
    const headings = targets.explainerHeadings.get(slug);
    if (headings === undefined) return `"${href}": no explainer "${slug}"`;
    return anchorIn(headings, `heading in "${slug}"`);
  }
  if (PLAIN_ROUTES.has(route) || TIMELINE_CATEGORY_ROUTES.has(route)) {
    return anchor === undefined ? null : `"${href}": ${route} has no content anchors`;
  }
  return `"${href}": unknown route "${route}"`;
}
