import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    // Quiz attempts and API answers are personal and short-lived: nothing to index there.
    // /og/ (share images) and /quiz/share/ (public results, marked noindex) stay open:
    // link-preview crawlers such as Twitterbot obey robots.txt and would show no card.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/quiz/play/", "/quiz/results/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
