import { picturesFor, type PictureName } from "@/lib/pictures/placement";
import { MeetingMap } from "./meeting-map";
import { MissileChart } from "./missile-chart";

const PICTURES: Record<PictureName, () => React.ReactNode> = {
  "missile-chart": MissileChart,
  "meeting-map": MeetingMap,
};

/** The explainer's pictures, under their own heading; nothing for an explainer without any. */
export function ExplainerPictures({ slug }: { slug: string }) {
  const names = picturesFor(slug);
  if (names.length === 0) return null;
  return (
    <section aria-labelledby="pictures-heading">
      <h2 id="pictures-heading">In pictures</h2>
      {names.map((name) => {
        const Picture = PICTURES[name];
        return <Picture key={name} />;
      })}
    </section>
  );
}
