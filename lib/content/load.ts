import path from "node:path";
import { ContentError, type ContentIssue } from "./errors";
import { checkExplainerLinks, renderExplainers, type RenderedExplainers } from "./explainers";
import type { LinkTargets } from "./links";
import { CONTENT_FILES, parseExplainers, parseJsonFile, type Parsed, type RawExplainer } from "./read";
import {
  checkContext,
  checkEverySourceCited,
  checkGlossary,
  checkPeople,
  checkTimeline,
  checkUniqueIds,
  checkWhatWeKnow,
  checkWhereThingsStand,
} from "./references";
import { GlossaryTerm, Person, Source, TimelineEvent, UpdateEntry, WhatWeKnow, WhereThingsStand } from "./schemas";
import { checkUpdates, utcToday, withIds, type LoggedUpdate } from "./updates";
import { checkPictures, PICTURE_FILES, type PictureData } from "@/lib/pictures/references";
import { KeyMoment, MeetingPlace, MissileChart } from "@/lib/pictures/schemas";

/**
 * Reads content/, validates it and cross-checks references. Runs at build time
 * (server components); any problem throws a ContentError naming file and field,
 * which fails the build rather than shipping an unsourced or broken page.
 */

/** The JSON files, each matched against its schema. */
interface ContentFiles {
  sources: Source[];
  timeline: TimelineEvent[];
  people: Person[];
  glossary: GlossaryTerm[];
  whereThingsStand: WhereThingsStand;
  updates: UpdateEntry[];
  whatWeKnow: WhatWeKnow[];
  pictures: PictureData;
}

export interface ContentBundle extends Omit<ContentFiles, "updates">, RenderedExplainers {
  root: string;
  updates: LoggedUpdate[];
}

interface ParsedContent extends ContentFiles {
  rawExplainers: RawExplainer[];
}

export function defaultContentRoot(): string {
  return path.join(process.cwd(), "content");
}

/** `today`: entries of the updates log may not be dated after it. */
export function loadContent(root: string = defaultContentRoot(), today: string = utcToday()): ContentBundle {
  const { rawExplainers, ...files } = parseContent(root);
  const { sources, timeline, people, glossary, whereThingsStand, updates, whatWeKnow, pictures } = files;
  const check = checkContext(root, sources);
  checkUniqueIds(sources, check.file(CONTENT_FILES.sources), check.list);
  checkUniqueIds(timeline, check.file(CONTENT_FILES.timeline), check.list);
  checkUniqueIds(people, check.file(CONTENT_FILES.people), check.list);
  checkUniqueIds(glossary, check.file(CONTENT_FILES.glossary), check.list);
  checkUniqueIds(pictures.meetingPlaces, check.file(PICTURE_FILES.meetingPlaces), check.list);
  // Explainers first: timeline entries link to their headings.
  const rendered = renderExplainers(rawExplainers, check);
  const targets: LinkTargets = {
    timelineIds: new Set(timeline.map((e) => e.id)),
    personIds: new Set(people.map((p) => p.id)),
    termIds: new Set(glossary.map((t) => t.id)),
    explainerHeadings: new Map(rendered.explainers.map((e) => [e.slug, new Set(e.headings.map((h) => h.id))])),
  };
  checkExplainerLinks(rendered, targets, check);
  checkTimeline(timeline, targets, check);
  checkPeople(people, check);
  checkGlossary(glossary, targets, check);
  checkWhereThingsStand(whereThingsStand, check);
  checkUpdates(updates, targets, check, today);
  checkWhatWeKnow(whatWeKnow, rendered.explainers.map((e) => e.slug), check);
  checkPictures(pictures, timeline, targets.personIds, check);
  checkEverySourceCited(sources, check);
  check.list.throwIfAny();
  return { root, ...files, ...rendered, updates: withIds(updates) };
}

/** Every file parsed and matched against its schema, or a ContentError listing every problem found. */
function parseContent(root: string): ParsedContent {
  const issues: ContentIssue[] = [];
  const take = <T>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.data;
    issues.push(...p.issues);
    return undefined;
  };
  const sources = take(parseJsonFile(root, CONTENT_FILES.sources, Source.array()));
  const timeline = take(parseJsonFile(root, CONTENT_FILES.timeline, TimelineEvent.array().min(1)));
  const people = take(parseJsonFile(root, CONTENT_FILES.people, Person.array()));
  const glossary = take(parseJsonFile(root, CONTENT_FILES.glossary, GlossaryTerm.array()));
  const whereThingsStand = take(parseJsonFile(root, CONTENT_FILES.whereThingsStand, WhereThingsStand));
  const updates = take(parseJsonFile(root, CONTENT_FILES.updates, UpdateEntry.array()));
  const whatWeKnow = take(parseJsonFile(root, CONTENT_FILES.whatWeKnow, WhatWeKnow.array()));
  const missileChart = take(parseJsonFile(root, PICTURE_FILES.missileChart, MissileChart));
  const meetingPlaces = take(parseJsonFile(root, PICTURE_FILES.meetingPlaces, MeetingPlace.array().min(1)));
  const keyMoments = take(parseJsonFile(root, PICTURE_FILES.keyMoments, KeyMoment.array().min(2)));
  const rawExplainers = parseExplainers(root, issues);
  const parsedPictures = missileChart && meetingPlaces && keyMoments && { missileChart, meetingPlaces, keyMoments };
  if (!sources || !timeline || !people || !glossary || !whereThingsStand || !updates || !whatWeKnow || !parsedPictures || issues.length > 0) {
    throw new ContentError(issues);
  }
  return { sources, timeline, people, glossary, whereThingsStand, updates, whatWeKnow, pictures: parsedPictures, rawExplainers };
}
