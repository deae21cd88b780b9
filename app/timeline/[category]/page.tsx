import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TimelinePage } from "@/components/timeline/timeline-page";
import { TIMELINE_CATEGORIES, timelineCategorySchema } from "@/lib/content";
import { pageImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";

export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(TIMELINE_CATEGORIES).map((category) => ({ category }));
}

async function parseCategory(params: Promise<{ category: string }>) {
  const parsed = timelineCategorySchema.safeParse((await params).category);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: PageProps<"/timeline/[category]">): Promise<Metadata> {
  const category = await parseCategory(params);
  return shareMetadata({
    title: `Timeline: ${TIMELINE_CATEGORIES[category]}`,
    description: `Dated, sourced events in the Trump–Kim story: ${TIMELINE_CATEGORIES[category].toLowerCase()}.`,
    path: `/timeline/${category}`,
    image: pageImage("timeline"),
  });
}

export default async function Page({ params }: PageProps<"/timeline/[category]">) {
  return <TimelinePage category={await parseCategory(params)} />;
}
