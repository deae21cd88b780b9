import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { requestOrigin, siteUrl } from "@/lib/site";

/**
 * The public base URL for absolute links: configured (NEXT_PUBLIC_SITE_URL,
 * then the Vercel deployment URL), else the host this request came to.
 * Headers are only read in that last case, because reading them makes a
 * page render per request: with a configured URL, static pages stay static.
 */
export async function baseUrl(): Promise<URL> {
  if (env().siteUrl !== undefined) return siteUrl();
  return siteUrl(requestOrigin(await headers()));
}

export async function absoluteUrlFor(path: string): Promise<string> {
  return new URL(path, await baseUrl()).toString();
}
