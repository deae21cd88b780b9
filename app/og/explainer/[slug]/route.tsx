import { notFound } from "next/navigation";
import { MissileBars } from "@/components/share/og/missile-bars";
import { PageCard } from "@/components/share/og/page-card";
import { renderShareImage } from "@/components/share/og/render";
import { getExplainer, getExplainers, getPictureData } from "@/lib/content";
import { picturesFor } from "@/lib/pictures/placement";

// One per explainer, drawn at build time.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getExplainers().map(({ slug }) => ({ slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const explainer = getExplainer((await params).slug);
  if (!explainer) notFound();
  const card = { eyebrow: "Explainer", title: explainer.title, subtitle: explainer.description };
  // The chart tells the story of the tests at a glance; a map shrunk to a thumbnail would not.
  const picture = picturesFor(explainer.slug).includes("missile-chart") ? (
    <MissileBars years={getPictureData().missileChart.years} />
  ) : undefined;
  return renderShareImage(
    <PageCard card={card} footer={`${explainer.readingMinutes} min read`} picture={picture} />,
    "public, max-age=86400",
  );
}
