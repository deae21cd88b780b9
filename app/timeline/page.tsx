import type { Metadata } from "next";
import { TimelinePage } from "@/components/timeline/timeline-page";
import { pageImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";

export const metadata: Metadata = shareMetadata({
  title: "Timeline",
  description: "Every step from “fire and fury” in 2017 to the second term, dated and sourced.",
  path: "/timeline",
  image: pageImage("timeline"),
});

export default function Page() {
  return <TimelinePage />;
}
