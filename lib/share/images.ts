import { SITE_NAME } from "@/lib/site";
import { imagePaths } from "./paths";
import { cardVersion, resultHeadline, type ResultCard } from "./result-card";

/**
 * The share images: what each one says, and how pages point at them. The
 * pictures themselves are drawn by components/share/og and served by the
 * routes under app/og/.
 */

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** Networks accept far more; previews are fetched on phones, often on slow connections. */
export const SHARE_IMAGE_MAX_BYTES = 300 * 1024;

/** An image as page metadata lists it (og:image, og:image:width/height/type/alt). */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  type: "image/png";
  alt: string;
}

const describe = (url: string, alt: string): ShareImage => ({ url, alt, type: "image/png", ...SHARE_IMAGE_SIZE });

/** The words on a page's image: a few, large, so they read at thumbnail size. */
export interface PageCard {
  /** Small line above the title: the section. */
  eyebrow: string;
  title: string;
  subtitle: string;
}

export const PAGE_CARDS = {
  home: {
    eyebrow: SITE_NAME,
    title: "From “fire and fury” to three meetings and years of silence",
    subtitle: "A sourced timeline, explainers and a quiz",
  },
  timeline: {
    eyebrow: "Timeline",
    title: "Trump and Kim, step by step since 2017",
    subtitle: "Every event dated and sourced",
  },
  quiz: {
    eyebrow: "Quiz",
    title: "How well do you know the Trump–Kim story?",
    subtitle: "5, 10 or 20 questions, each answer explained and sourced",
  },
} as const satisfies Record<string, PageCard>;

export type PageImageName = keyof typeof PAGE_CARDS;

export const PAGE_IMAGE_NAMES = Object.keys(PAGE_CARDS) as PageImageName[];

export function pageImage(name: PageImageName): ShareImage {
  const card = PAGE_CARDS[name];
  return describe(imagePaths.page(name), `${card.title}. ${card.subtitle}.`);
}

export function explainerImage(explainer: { slug: string; title: string }): ShareImage {
  return describe(imagePaths.explainer(explainer.slug), `Explainer: ${explainer.title}`);
}

export function resultImage(shareId: string, card: ResultCard): ShareImage {
  return describe(imagePaths.result(shareId, cardVersion(card)), `${resultHeadline(card)}. ${card.standing}.`);
}

/** For the classroom join page: the image shows the join code, large. */
export function classroomInviteImage(code: string): ShareImage {
  return describe(imagePaths.classroomInvite(code), `Join the class quiz with the code ${code}`);
}
