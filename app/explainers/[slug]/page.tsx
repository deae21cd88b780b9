import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExplainerArticle } from "@/components/explainer/explainer-article";
import { getExplainer, getExplainers } from "@/lib/content";
import { explainerImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";

export const dynamicParams = false;

export function generateStaticParams() {
  return getExplainers().map(({ slug }) => ({ slug }));
}

async function load(params: PageProps<"/explainers/[slug]">["params"]) {
  const explainer = getExplainer((await params).slug);
  if (!explainer) notFound();
  return explainer;
}

export async function generateMetadata({ params }: PageProps<"/explainers/[slug]">): Promise<Metadata> {
  const explainer = await load(params);
  return shareMetadata({
    title: explainer.title,
    description: explainer.description,
    path: `/explainers/${explainer.slug}`,
    image: explainerImage(explainer),
    type: "article",
  });
}

export default async function Page({ params }: PageProps<"/explainers/[slug]">) {
  return <ExplainerArticle explainer={await load(params)} />;
}
