import { describe, expect, it } from "vitest";
import { createNonce, pagePolicy } from "@/lib/security/csp";
import { inlineHashes } from "@/lib/security/build-hashes.mjs";
import { parseCsp } from "@/tests/support/security-headers";

const directive = (policy: string, name: string) => [...(parseCsp(policy)?.get(name) ?? [])];

describe("pagePolicy", () => {
  it("lets scripts run only from the site or with the page's nonce or hashes, never inline markup", () => {
    const policy = pagePolicy({ nonce: "abc", scriptHashes: ["sha256-x"], styleHashes: ["sha256-y"] });
    expect(directive(policy, "default-src")).toEqual(["'none'"]);
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc'", "'sha256-x'"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'nonce-abc'", "'sha256-y'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it("allows what next dev needs only in development", () => {
    const policy = pagePolicy({ nonce: "abc" }, { development: true });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  });
});

it("falls back to inline scripts alone when the build output is unreadable, keeping every other rule", () => {
  const policy = pagePolicy({ unsafeInline: true });
  expect(policy).toContain("script-src 'self' 'unsafe-inline';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("nonce-");
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("inlineHashes", () => {
  it("hashes the text of inline scripts and styles, not external scripts", () => {
    const html =
      '<script src="/_next/static/a.js" async=""></script><script>alert(1)</script>' +
      "<script id=\"x\"></script><style>p{color:red}</style>";
    expect(inlineHashes(html)).toEqual({
      // sha256 of "alert(1)" and of the empty string, in base64.
      scripts: ["sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="],
      styles: ["sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64="],
    });
  });
});
