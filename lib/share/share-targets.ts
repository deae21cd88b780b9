/**
 * Plain share links for when the browser has no Web Share API: each network's
 * documented share URL, no script or tracker of theirs on our pages.
 */

export interface ShareContent {
  /** Absolute URL of the page shared. */
  url: string;
  /** Page title: the email subject, Google Classroom's title. */
  title: string;
  /** The message: a description or a result's share line. */
  text: string;
}

export interface ShareTarget {
  id: "x" | "facebook" | "whatsapp" | "linkedin" | "email" | "google-classroom" | "teams";
  label: string;
  href: string;
  /** Web intents open in a new tab so the page stays; email opens the mail app. */
  newTab: boolean;
}

/** encodeURIComponent, not URLSearchParams: mail apps and some intents show a "+" for a space literally. */
function withQuery(base: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return `${base}?${query}`;
}

export function shareTargets({ url, title, text }: ShareContent): ShareTarget[] {
  return [
    { id: "x", label: "X", href: withQuery("https://x.com/intent/post", { text, url }), newTab: true },
    { id: "facebook", label: "Facebook", href: withQuery("https://www.facebook.com/sharer/sharer.php", { u: url }), newTab: true },
    { id: "whatsapp", label: "WhatsApp", href: withQuery("https://wa.me/", { text: `${text}\n${url}` }), newTab: true },
    {
      id: "linkedin",
      label: "LinkedIn",
      href: withQuery("https://www.linkedin.com/sharing/share-offsite/", { url }),
      newTab: true,
    },
    { id: "email", label: "Email", href: withQuery("mailto:", { subject: title, body: `${text}\n\n${url}` }), newTab: false },
    googleClassroom({ url, title, text }),
  ];
}

function googleClassroom({ url, title }: ShareContent): ShareTarget {
  return { id: "google-classroom", label: "Google Classroom", href: withQuery("https://classroom.google.com/share", { url, title }), newTab: true };
}

/** Where a teacher hands out homework: Google Classroom's and Microsoft Teams' own share pages. */
export function classShareTargets(content: ShareContent): ShareTarget[] {
  return [
    googleClassroom(content),
    {
      id: "teams",
      label: "Microsoft Teams",
      href: withQuery("https://teams.microsoft.com/share", { href: content.url, msgText: content.text }),
      newTab: true,
    },
  ];
}
