/**
 * Pages that must be prerendered by every build, configured or not: served
 * as built, with the hashes of their scripts in their policy, cacheable.
 */
export const STATIC_PAGES = ["/", "/explainers", "/explainers/renewed-talks", "/timeline", "/people", "/glossary", "/sources", "/updates", "/about"] as const;
