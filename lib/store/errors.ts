/** The backend could not be reached in time; routes answer 503 with Retry-After. */
export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, { cause: options?.cause });
    this.name = "StoreUnavailableError";
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 5;
  }
}
