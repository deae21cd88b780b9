import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    // Quiz attempts and API answers are personal and short-lived: nothing to index there.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/quiz/play/", "/quiz/results/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
