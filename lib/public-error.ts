/**
 * A failure a person can cause, with a message written for them and the HTTP
 * status a route answers with. Domain modules (quiz, rooms) subclass it with
 * their own codes; `route()` in lib/http maps any of them the same way.
 */
export abstract class PublicError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly status: number;

  protected constructor(code: Code, message: string, statuses: Readonly<Record<Code, number>>) {
    super(message);
    this.code = code;
    this.status = statuses[code];
  }
}
