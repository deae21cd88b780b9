/**
 * The Content-Security-Policy of every response. Pure: proxy.ts decides
 * which sources a page's inline scripts and styles get (a per-request
 * nonce for pages rendered now, build-time hashes for prerendered ones).
 */

/** What lets a page's own inline `<script>` and `<style>` elements run. */
export interface InlineAllowance {
  /** Set on pages rendered for this request: Next stamps it on every tag it emits. */
  nonce?: string;
  /** `sha256-…` of each inline script of a prerendered page. */
  scriptHashes?: readonly string[];
  /** `sha256-…` of each inline style element of a prerendered page. */
  styleHashes?: readonly string[];
  /**
   * The fallback when the build output cannot be read: any inline script or
   * style runs (browsers ignore this beside a nonce or hash, so it is alone).
   */
  unsafeInline?: boolean;
}

const quoted = (source: string) => `'${source}'`;

function inlineSources(allow: InlineAllowance, hashes: readonly string[] = []): string[] {
  if (allow.unsafeInline) return [quoted("unsafe-inline")];
  return [...(allow.nonce ? [`nonce-${allow.nonce}`] : []), ...hashes].map(quoted);
}

const serialize = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");

/**
 * Policy for HTML pages: nothing is allowed unless listed; scripts only
 * from this origin or inline with the nonce/a listed hash, never injected
 * markup. `development` adds what `next dev` needs (eval for React's
 * error overlay, inline styles for hot reloading).
 */
export function pagePolicy(allow: InlineAllowance, { development = false } = {}): string {
  return serialize({
    "default-src": ["'none'"],
    "script-src": ["'self'", ...inlineSources(allow, allow.scriptHashes), ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", ...(development ? ["'unsafe-inline'"] : inlineSources(allow, allow.styleHashes))],
    // style="" attributes carry no selectors and cannot run script; React and a few
    // pages set them, and nonces and hashes cannot cover attributes.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
  });
}

/** 128 random bits, base64: a fresh nonce for each rendered page. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
