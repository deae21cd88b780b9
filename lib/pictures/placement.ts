/** Which pictures each explainer shows after its text: the chart beside the talk of tests, the map beside the meetings. */
export type PictureName = "missile-chart" | "meeting-map";

export const EXPLAINER_PICTURES: Readonly<Record<string, readonly PictureName[]>> = {
  "where-things-stand": ["missile-chart"],
  "denuclearization-vs-sanctions-relief": ["missile-chart"],
  "the-three-meetings": ["meeting-map"],
  "north-korea-and-russia": ["meeting-map"],
};

export function picturesFor(slug: string): readonly PictureName[] {
  return EXPLAINER_PICTURES[slug] ?? [];
}

/** Where a picture is shown first: the link the /sources page gives for the sources it cites. */
export function picturePath(name: PictureName): string {
  const slug = Object.keys(EXPLAINER_PICTURES).find((s) => picturesFor(s).includes(name));
  return slug === undefined ? "/" : `/explainers/${slug}#${name}`;
}
