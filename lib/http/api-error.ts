/**
 * The one error shape every route answers with:
 * `{ "error": { "code", "message", "fields"? } }`, where `message` tells a
 * person what to do and `fields` maps form fields to their problems.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message, fields: this.fields } };
    return Response.json(body, { status: this.status, headers: this.headers });
  }
}
