import { describe, expect, it } from "vitest";
import { observatoryScore, type Deployment } from "@/tests/support/observatory";

/** Checks the scorer against the Observatory's published modifiers, case by case. */

const behindTls: Deployment = { https: true, redirectsHttpToHttps: true, hstsPreloaded: false };
const HTML = '<script src="/_next/static/a.js"></script>';

const BASE = {
  "content-type": "text/html; charset=utf-8",
  "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function score(headers: Record<string, string>, deployment = behindTls) {
  return observatoryScore({ headers: new Headers(headers), html: HTML, corsHeaders: new Headers() }, deployment);
}

const resultOf = (scored: ReturnType<typeof score>, test: string) => scored.tests.find((entry) => entry.test === test)?.result;

describe("observatoryScore", () => {
  it("gives a locked-down policy every bonus it can earn without the preload list", () => {
    const scored = score({
      ...BASE,
      "content-security-policy": "default-src 'none'; script-src 'self' 'nonce-a'; object-src 'none'; frame-ancestors 'none'",
      "cross-origin-resource-policy": "same-origin",
    });
    // 100 + 10 (CSP, default-src 'none') + 5 (referrer) + 5 (frame-ancestors) + 10 (CORP).
    expect(scored).toMatchObject({ score: 130, grade: "A+" });
  });

  it("takes 20 for unsafe-inline scripts, unless a nonce or hash makes browsers ignore it", () => {
    const unsafe = score({ ...BASE, "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'" });
    expect(resultOf(unsafe, "content-security-policy")).toBe("csp-implemented-with-unsafe-inline");
    const withHash = score({ ...BASE, "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline' 'sha256-a'" });
    expect(resultOf(withHash, "content-security-policy")).toBe("csp-implemented-with-no-unsafe");
  });

  it("scores unsafe-inline styles as 0 and no policy as -25", () => {
    const styles = score({ ...BASE, "content-security-policy": "default-src 'self'; style-src 'self' 'unsafe-inline'" });
    expect(resultOf(styles, "content-security-policy")).toBe("csp-implemented-with-unsafe-inline-in-style-src-only");
    const none = score(BASE);
    expect(none.tests.find((entry) => entry.test === "content-security-policy")?.modifier).toBe(-25);
  });

  it("withholds bonuses below 90 and maps the score to a grade", () => {
    // No CSP (-25), no frame protection (-20): 55 before bonuses, which do not count.
    const scored = score({ ...BASE, "cross-origin-resource-policy": "same-origin" });
    expect(scored).toMatchObject({ score: 55, grade: "C" });
  });

  it("cannot credit HSTS or the redirect to a site served over plain http", () => {
    const scored = score(
      { ...BASE, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" },
      { https: false, redirectsHttpToHttps: false, hstsPreloaded: false },
    );
    expect(resultOf(scored, "strict-transport-security")).toBe("hsts-not-implemented-no-https");
    expect(scored.score).toBe(60);
  });
});
