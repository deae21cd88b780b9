import { config } from "zod/v4/core";

// Zod compiles object schemas with `new Function` when it may, and probes for
// that by trying it. The Content-Security-Policy (proxy.ts) allows no eval,
// so the probe only raises a policy violation before Zod falls back: skip it.
config({ jitless: true });
