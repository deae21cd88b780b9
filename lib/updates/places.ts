import "server-only";
import { getExplainer, getGlossary, getPeople, getTimeline, targetHref, type UpdateTarget } from "@/lib/content";
import { getQuestion } from "@/lib/questions/bank";

/** Where an entry of the updates log made its change, as a link a reader can follow. */
export interface UpdatePlace {
  href: string;
  label: string;
}

const quoted = (text: string | undefined) => (text === undefined ? undefined : `“${text}”`);

/** The loaders have checked that every target exists; the fallbacks only keep the types honest. */
function targetLabel(target: UpdateTarget): string {
  switch (target.kind) {
    case "explainer": {
      const explainer = getExplainer(target.slug);
      const heading = explainer?.headings.find((h) => h.id === target.anchor);
      const title = explainer?.title ?? target.slug;
      return `Explainer: ${heading ? `${title}, “${heading.text}”` : title}`;
    }
    case "event":
      return `Timeline: ${getTimeline().find((e) => e.id === target.id)?.title ?? target.id}`;
    case "person":
      return `Who’s who: ${getPeople().find((p) => p.id === target.id)?.name ?? target.id}`;
    case "term":
      return `Glossary: ${getGlossary().find((t) => t.id === target.id)?.term ?? target.id}`;
    case "question":
      // Only a withdrawn question is missing from the bank (the loader checks).
      return `Quiz question: ${quoted(getQuestion(target.id)?.prompt) ?? "one since withdrawn"}`;
  }
}

export function updatePlace(target: UpdateTarget): UpdatePlace {
  return { href: targetHref(target), label: targetLabel(target) };
}
