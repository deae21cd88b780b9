import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { cardVersion, resultCard, standingLine } from "@/lib/share/result-card";
import { shareTargets } from "@/lib/share/share-targets";

const content = { url: "https://example.org/quiz/share/abc?x=1&y=2", title: "8/10 & more", text: "Trump and Kim quiz: 8/10\n✅❌" };

describe("share links for networks", () => {
  const targets = shareTargets(content);

  it("cover X, Facebook, WhatsApp, LinkedIn, email and Google Classroom with plain URLs", () => {
    expect(targets.map((t) => t.label)).toEqual(["X", "Facebook", "WhatsApp", "LinkedIn", "Email", "Google Classroom"]);
    for (const target of targets) expect(target.href).toMatch(/^(https:\/\/(x\.com|www\.facebook\.com|wa\.me|www\.linkedin\.com|classroom\.google\.com)\/|mailto:)/);
  });

  it("carry the URL and message intact, whatever characters they hold", () => {
    const params = (id: string) => new URL(targets.find((t) => t.id === id)?.href ?? "").searchParams;
    expect(params("x").get("url")).toBe(content.url);
    expect(params("x").get("text")).toBe(content.text);
    expect(params("facebook").get("u")).toBe(content.url);
    expect(params("whatsapp").get("text")).toBe(`${content.text}\n${content.url}`);
    expect(params("linkedin").get("url")).toBe(content.url);
    expect(params("google-classroom").get("url")).toBe(content.url);
    // Mail apps show "+" literally: spaces are %20.
    const email = targets.find((t) => t.id === "email")?.href ?? "";
    expect(email).not.toContain("+");
    expect(decodeURIComponent(email.split("body=")[1] ?? "")).toBe(`${content.text}\n\n${content.url}`);
  });
});

describe("the public base URL", () => {
  it("comes from configuration: the setting, then the Vercel deployment that serves the page, then localhost", () => {
    expect(parseEnv({ NEXT_PUBLIC_SITE_URL: "https://kim.example", VERCEL_URL: "x.vercel.app" }).siteUrl).toBe("https://kim.example");
    const vercel = { VERCEL_URL: "preview-123.vercel.app", VERCEL_PROJECT_PRODUCTION_URL: "kim.example" };
    expect(parseEnv({ ...vercel, VERCEL_ENV: "production" }).siteUrl).toBe("https://kim.example");
    expect(parseEnv({ ...vercel, VERCEL_ENV: "preview" }).siteUrl).toBe("https://preview-123.vercel.app");
    expect(parseEnv({}).siteUrl).toBe("http://localhost:3000");
  });
});

describe("the result card", () => {
  const base = { score: 8, total: 10, marks: [true, false], nickname: undefined, percentile: { share: 0.726, total: 500, below: 363, above: 100 } };

  it("states the standing in words, floored", () => {
    expect(standingLine(base.percentile)).toBe("Higher than 72% of players");
    expect(standingLine({ share: 0, total: 1, below: 0, above: 0 })).toBe("The first to finish this quiz");
    expect(standingLine({ share: 0, total: 1200, below: 0, above: 1100 })).toBe("One of 1,200 players so far");
  });

  it("gets a new image version when what it shows changes, and only then", () => {
    const version = cardVersion(resultCard(base));
    expect(cardVersion(resultCard({ ...base }))).toBe(version);
    expect(cardVersion(resultCard({ ...base, nickname: "Sam" }))).not.toBe(version);
    expect(cardVersion(resultCard({ ...base, percentile: { share: 0.8, total: 600, below: 480, above: 100 } }))).not.toBe(version);
  });
});
