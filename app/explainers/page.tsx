import type { Metadata } from "next";
import { ExplainerList } from "@/components/explainer/explainer-list";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { pageMetadata } from "@/lib/share/metadata";

const DESCRIPTION = "Six short explainers on the Trump–Kim story: the meetings, the letters, why talks stalled, Russia and what comes next.";

export const metadata: Metadata = pageMetadata({ title: "Explainers", description: DESCRIPTION, path: "/explainers" });

export default function Page() {
  return (
    <>
      <Breadcrumbs trail={[{ href: "/explainers", label: "Explainers" }]} />
      <h1>Explainers</h1>
      <p className="lede">Each one takes a few minutes, cites its sources and ends with quiz questions on its topic.</p>
      <ExplainerList />
    </>
  );
}
