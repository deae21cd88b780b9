// A mark shared by every copy of this module: the proxy, each route and each page may be bundled with its own copy,
// while the store (and so the error it throws) is one per process, created by whichever copy asked first.
const UNAVAILABLE = Symbol.for("trump-kim-explained.store-unavailable");

/** The backend could not be reached in time; routes answer 503 with Retry-After. */
export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds: number;
  readonly [UNAVAILABLE] = true;

  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, { cause: options?.cause });
    this.name = "StoreUnavailableError";
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 5;
  }

  /** `instanceof` holds for an error from any copy of this class, not only this module's. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && UNAVAILABLE in value;
  }
}
