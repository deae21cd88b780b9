import { notFound } from "next/navigation";
import { PageCard } from "@/components/share/og/page-card";
import { renderShareImage } from "@/components/share/og/render";
import { getExplainer, getExplainers } from "@/lib/content";

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
  return renderShareImage(<PageCard card={card} footer={`${explainer.readingMinutes} min read`} />, "public, max-age=86400");
}
