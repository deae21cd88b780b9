import { notFound } from "next/navigation";
import { PageCard } from "@/components/share/og/page-card";
import { renderShareImage } from "@/components/share/og/render";
import { PAGE_CARDS, PAGE_IMAGE_NAMES, type PageImageName } from "@/lib/share/images";

// Drawn once, at build time.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return PAGE_IMAGE_NAMES.map((name) => ({ name }));
}

const isPageImage = (name: string): name is PageImageName => Object.hasOwn(PAGE_CARDS, name);

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!isPageImage(name)) notFound();
  // Rebuilt with each deploy at the same URL: a day's cache lets an edit reach previews.
  return renderShareImage(<PageCard card={PAGE_CARDS[name]} />, "public, max-age=86400");
}
