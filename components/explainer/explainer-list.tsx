import { getExplainers } from "@/lib/content";
import { ExplainerCard } from "./explainer-card";

export function ExplainerList() {
  return (
    <ul className="card-grid">
      {getExplainers().map((explainer) => (
        <li key={explainer.slug}>
          <ExplainerCard explainer={explainer} />
        </li>
      ))}
    </ul>
  );
}
