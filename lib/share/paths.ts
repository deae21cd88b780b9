/** Where the public share pages and share images live, so pages, routes and tests build the same URLs. */

/** The public, spoiler-free page of a result. */
export const sharePath = (shareId: string) => `/quiz/share/${shareId}`;

/** Share images. Outside /api/, which robots.txt closes to the crawlers that build link previews. */
export const imagePaths = {
  page: (name: string) => `/og/page/${name}`,
  explainer: (slug: string) => `/og/explainer/${slug}`,
  /** `version` changes whenever what the image shows changes, so each URL can be cached for good. */
  result: (shareId: string, version: string) => `/og/result/${shareId}?v=${version}`,
  classroomInvite: (code: string) => `/og/classroom/${encodeURIComponent(code)}`,
} as const;
