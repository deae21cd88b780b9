import type { Metadata } from "next";
import { TimelinePage } from "@/components/timeline/timeline-page";

export const metadata: Metadata = {
  title: "Timeline",
  description: "Every step from “fire and fury” in 2017 to the second term, dated and sourced.",
  alternates: { canonical: "/timeline" },
};

export default function Page() {
  return <TimelinePage />;
}
