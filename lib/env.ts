import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env()`.
 * Parsed once, at start (instrumentation.ts), so a bad configuration stops
 * the server with a message instead of failing on the first request.
 */

/**
 * A store call slower than this fails with 503 + Retry-After. Under the 2 s
 * in which a request during an outage must be answered, and far above a
 * healthy store's few milliseconds (Vercel KV's REST round trip included).
 */
export const DEFAULT_STORE_TIMEOUT_MS = 1_500;
/** Players in one live classroom session: a school assembly. */
export const DEFAULT_CLASSROOM_MAX_PLAYERS = 2_000;

/** The base URL when none is configured: where `next start` listens by default. */
export const LOCAL_SITE_URL = "http://localhost:3000";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalUrl = z.preprocess(blankToUndefined, z.url().optional());
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const rawEnvSchema = z.object({
  KV_REST_API_URL: optionalUrl,
  KV_REST_API_TOKEN: optionalString,
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^rediss?$/, error: "REDIS_URL must look like redis://host:6379 or rediss://…" })
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default(".data")),
  VERCEL: optionalString,
  VERCEL_ENV: optionalString,
  VERCEL_PROJECT_PRODUCTION_URL: optionalString,
  VERCEL_URL: optionalString,
  NEXT_PUBLIC_SITE_URL: optionalUrl,
  STORE_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).max(30_000).default(DEFAULT_STORE_TIMEOUT_MS)),
  NEXT_DIST_DIR: z.preprocess(blankToUndefined, z.string().default(".next")),
  CLASSROOM_MAX_PLAYERS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "CLASSROOM_MAX_PLAYERS must be a whole number of players, from 2 to 10000." })
      .int({ error: "CLASSROOM_MAX_PLAYERS must be a whole number of players, from 2 to 10000." })
      .min(2, { error: "CLASSROOM_MAX_PLAYERS must be at least 2." })
      .max(10_000, { error: "CLASSROOM_MAX_PLAYERS can be at most 10000." })
      .default(DEFAULT_CLASSROOM_MAX_PLAYERS),
  ),
  NODE_ENV: optionalString,
  TRUSTED_PROXY_HOPS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "TRUSTED_PROXY_HOPS must be a whole number: 0 when clients reach this server directly, 1 behind one reverse proxy." }).int().min(0).max(10).default(0),
  ),
  CLIENT_KEY_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, { error: "CLIENT_KEY_SECRET must be at least 32 characters (for example `openssl rand -base64 32`)." }).optional(),
  ),
});

export type StoreConfig =
  | { kind: "vercel-kv"; url: string; token: string }
  | { kind: "redis"; url: string }
  | { kind: "embedded"; dataDir: string };

export interface Env {
  store: StoreConfig;
  storeTimeoutMs: number;
  /**
   * Public base URL: NEXT_PUBLIC_SITE_URL, else the Vercel deployment's URL,
   * else LOCAL_SITE_URL. Never from a request, so it is known at build time.
   */
  siteUrl: string;
  /** Where `next build` wrote its output (next.config.js reads the same variable). */
  distDir: string;
  /** `next dev`: the security policy allows what hot reloading needs. */
  development: boolean;
  /** On Vercel its own header; elsewhere X-Forwarded-For, counting TRUSTED_PROXY_HOPS proxies from the socket's entry. */
  clientAddress: ClientAddressSource;
  /** The secret client addresses are hashed with (lib/security/client-keys.ts); unset: a random one kept in the store. */
  clientKeySecret: string | undefined;
  /** Players one live classroom session seats (CLASSROOM_MAX_PLAYERS). */
  classroomMaxPlayers: number;
}

/** Where a client's address comes from, for per-client limits (lib/http/client-address.ts). */
export type ClientAddressSource = { from: "vercel" } | { from: "forwarded-for"; trustedProxyHops: number };

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Pure: parse an environment object. Throws EnvError naming what to fix. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  const raw = parsed.data;

  if (raw.KV_REST_API_URL && !raw.KV_REST_API_TOKEN) {
    throw new EnvError("KV_REST_API_URL is set but KV_REST_API_TOKEN is missing: set both, or neither.");
  }
  if (raw.KV_REST_API_TOKEN && !raw.KV_REST_API_URL) {
    throw new EnvError("KV_REST_API_TOKEN is set but KV_REST_API_URL is missing: set both, or neither.");
  }

  let store: StoreConfig;
  if (raw.KV_REST_API_URL && raw.KV_REST_API_TOKEN) {
    store = { kind: "vercel-kv", url: raw.KV_REST_API_URL, token: raw.KV_REST_API_TOKEN };
  } else if (raw.REDIS_URL) {
    store = { kind: "redis", url: raw.REDIS_URL };
  } else if (raw.VERCEL) {
    throw new EnvError(
      "Running on Vercel without a store: connect a KV (Upstash Redis) store to the project so that " +
        "KV_REST_API_URL and KV_REST_API_TOKEN are set. An embedded database file would not persist on serverless hosting.",
    );
  } else {
    store = { kind: "embedded", dataDir: raw.DATA_DIR };
  }

  // A preview deployment links to itself (its share images only exist there); production to its stable domain.
  const vercelHost =
    raw.VERCEL_ENV === undefined || raw.VERCEL_ENV === "production"
      ? (raw.VERCEL_PROJECT_PRODUCTION_URL ?? raw.VERCEL_URL)
      : (raw.VERCEL_URL ?? raw.VERCEL_PROJECT_PRODUCTION_URL);
  return {
    store,
    storeTimeoutMs: raw.STORE_TIMEOUT_MS,
    siteUrl: raw.NEXT_PUBLIC_SITE_URL ?? (vercelHost ? `https://${vercelHost}` : LOCAL_SITE_URL),
    distDir: raw.NEXT_DIST_DIR,
    development: raw.NODE_ENV === "development",
    clientAddress: raw.VERCEL ? { from: "vercel" } : { from: "forwarded-for", trustedProxyHops: raw.TRUSTED_PROXY_HOPS },
    clientKeySecret: raw.CLIENT_KEY_SECRET,
    classroomMaxPlayers: raw.CLASSROOM_MAX_PLAYERS,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The store configuration for logs: kind and host, never a token or password. */
export function describeStore(config: StoreConfig): string {
  switch (config.kind) {
    case "vercel-kv":
      return `vercel-kv (${new URL(config.url).host})`;
    case "redis":
      return `redis (${new URL(config.url).host})`;
    case "embedded":
      return `embedded (SQLite in ${config.dataDir})`;
  }
}
