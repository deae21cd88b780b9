import { describe, expect, it } from "vitest";
import { ClassroomError, CLASSROOM_MESSAGES } from "@/lib/classroom/errors";
import { errorMessage } from "@/lib/forms/post-json";
import { readRefusal, refusedHref } from "@/lib/forms/refusal";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { NICKNAME_MAX_GRAPHEMES, NICKNAME_MESSAGES } from "@/lib/nickname-text";
import { answerSchema } from "@/lib/questions/requests";

const queryOf = (href: string) => new URL(href, "http://site.invalid").searchParams;

describe("a refused plain form post's way back (lib/forms/refusal.ts)", () => {
  it("keeps the page's own query, and carries the code, the field and the echoed values", () => {
    const href = refusedHref("/classroom/join?session=abc", { code: "nickname_taken" }, { nickname: "Ana" });
    expect(href.startsWith("/classroom/join?")).toBe(true);
    expect(readRefusal(queryOf(href), ["nickname"])).toEqual({
      code: "nickname_taken",
      field: undefined,
      message: NICKNAME_MESSAGES.taken,
      values: { nickname: "Ana" },
    });
    expect(queryOf(href).get("session")).toBe("abc");
  });

  it("words each code for a person, and a refused value by its field", () => {
    const read = (query: string, echo: string[] = []) => readRefusal(new URLSearchParams(query), echo)?.message;
    expect(read("refused=invalid_nickname")).toBe(NICKNAME_MESSAGES.offensive);
    expect(read("refused=locked")).toBe(CLASSROOM_MESSAGES.locked);
    expect(read("refused=invalid_request&field=answer")).toBe("Choose an answer.");
    expect(read(`refused=invalid_request&field=nickname&nickname=${"x".repeat(NICKNAME_MAX_GRAPHEMES + 3)}`, ["nickname"])).toBe(
      NICKNAME_MESSAGES.tooLong(NICKNAME_MAX_GRAPHEMES + 3),
    );
    expect(read("refused=rate_limited")).toMatch(/wait a minute/);
  });

  it("never shows text from the link: unknown codes get a generic message, malformed ones nothing", () => {
    expect(readRefusal(new URLSearchParams("refused=you_won_a_prize"))?.message).toMatch(/^Something went wrong/);
    expect(readRefusal(new URLSearchParams("refused=<b>Call 555</b>"))).toBeUndefined();
    expect(readRefusal(new URLSearchParams("refused=locked&field=<img>"))?.field).toBeUndefined();
    expect(readRefusal(new URLSearchParams("topic=x"))).toBeUndefined();
  });

  it("never words a message with a schema path", () => {
    for (const code of ["invalid_request", "invalid_answer", "conflict", "not_found", "store_unavailable"]) {
      for (const field of ["answer", "answer.0", "nickname", "length", ""]) {
        expect(readRefusal(new URLSearchParams({ refused: code, field }))?.message).not.toMatch(/^\w+(\.\d+)?:/);
      }
    }
  });
});

const context = { params: Promise.resolve({}) };
const post = (body: string, contentType: string) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": contentType, "sec-fetch-site": "same-origin" } });

describe("route(): refusals of plain forms and of scripts", () => {
  const join = route(
    async () => {
      throw new ClassroomError("nickname_taken", CLASSROOM_MESSAGES.nicknameTaken);
    },
    { formErrorBack: () => "/classroom/join?session=s1", echo: ["nickname"] },
  );

  it("sends a plain form back to its page with the code and the typed nickname (303)", async () => {
    const response = await join(post("nickname=Ana+B&idempotencyKey=secret", "application/x-www-form-urlencoded"), context);
    expect(response.status).toBe(303);
    const query = queryOf(response.headers.get("location") ?? "");
    expect(Object.fromEntries(query)).toEqual({ session: "s1", nickname: "Ana B", refused: "nickname_taken" });
  });

  it("answers scripts with the JSON error as before", async () => {
    const response = await join(post('{"nickname":"Ana"}', "application/json"), context);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "nickname_taken", message: NICKNAME_MESSAGES.taken } });
  });

  it("names the refused field", async () => {
    const answer = route(async (request) => Response.json((await parseBody(request, answerSchema)).data), { formErrorBack: () => "/quiz/play/a" });
    const response = await answer(post("questionId=hanoi-walkout", "application/x-www-form-urlencoded"), context);
    expect(response.headers.get("location")).toBe("/quiz/play/a?refused=invalid_request&field=answer");
  });
});

describe("a form's message for a refused JSON post (postJson)", () => {
  it("is the refused value's own message, not the summary naming schema paths", async () => {
    const body = { error: { code: "invalid_request", message: "The request is not valid. answer: Choose an answer.", fields: { answer: ["Choose an answer."] } } };
    expect(await errorMessage(Response.json(body, { status: 400 }))).toBe("Choose an answer.");
  });

  it("asks to wait when the service is busy and the answer is not ours", async () => {
    expect(await errorMessage(new Response("<html>", { status: 503 }))).toMatch(/wait a few seconds/);
  });
});
