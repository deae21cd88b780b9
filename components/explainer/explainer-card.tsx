import type { ExplainerSummary } from "@/lib/content";

export function ExplainerCard({ explainer }: { explainer: ExplainerSummary }) {
  return (
    <article className="card">
      <h3>
        <a href={`/explainers/${explainer.slug}`}>{explainer.title}</a>
      </h3>
      <p style={{ margin: 0 }}>{explainer.description}</p>
      <p className="meta" style={{ margin: "0.4rem 0 0" }}>
        {explainer.readingMinutes} min read
      </p>
    </article>
  );
}
