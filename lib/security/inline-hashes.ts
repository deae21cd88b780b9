import { createHash } from "node:crypto";

export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

// Script and style are raw-text elements: their text runs to the first
// closing tag, and React escapes "<" inside the payloads it inlines.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

function hashesOf(html: string, element: RegExp): string[] {
  const hashes = [...html.matchAll(element)].map((match) => sha256(match[1] ?? ""));
  return [...new Set(hashes)];
}

/** CSP hash sources of every inline script and style element in a prerendered page. */
export function inlineHashes(html: string): InlineHashes {
  return { scripts: hashesOf(html, INLINE_SCRIPT), styles: hashesOf(html, INLINE_STYLE) };
}
