import { getUpdates, SITE_UPDATED, UPDATE_TYPE_LABELS } from "@/lib/content";
import { SITE_NAME, siteUrl } from "@/lib/site";
import { atomFeed } from "@/lib/updates/feed";
import { updatePlace } from "@/lib/updates/places";

// Written once, at build time: the log only changes with a deploy.
export const dynamic = "force-static";

export function GET() {
  const entries = getUpdates().map((entry) => ({
    entry,
    place: updatePlace(entry.target),
    typeLabel: UPDATE_TYPE_LABELS[entry.type],
  }));
  const body = atomFeed({ siteName: SITE_NAME, siteUrl: siteUrl(), entries, fallbackUpdated: SITE_UPDATED });
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
