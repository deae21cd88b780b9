import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { MAX_BODY_BYTES, parseBody } from "@/lib/http/parse-request";
import { answerSchema } from "@/lib/questions/requests";

function post(body: string, contentType: string | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("parseBody", () => {
  it("reads JSON into the schema's output", async () => {
    const { data, format } = await parseBody(post('{"questionId":"hanoi-walkout","answer":"yes"}', "application/json"), answerSchema);
    expect(format).toBe("json");
    expect(data).toEqual({ questionId: "hanoi-walkout", answer: "yes" });
  });

  it("reads a plain HTML form, turning repeated and indexed fields into arrays", async () => {
    const repeated = await parseBody(
      post("questionId=order-q&answer=b&answer=a", "application/x-www-form-urlencoded; charset=UTF-8"),
      answerSchema,
    );
    expect(repeated.data.answer).toEqual(["b", "a"]);
    const indexed = await parseBody(
      post("questionId=order-q&answer.1=first&answer.0=second&answer.2=third", "application/x-www-form-urlencoded"),
      answerSchema,
    );
    expect(indexed).toEqual({ format: "form", data: { questionId: "order-q", answer: ["second", "first", "third"] } });
  });

  it("refuses other content types with 415", async () => {
    const error = await rejection(parseBody(post("<a/>", "text/xml"), answerSchema));
    expect(error.status).toBe(415);
    expect((await rejection(parseBody(post("{}", null), answerSchema))).status).toBe(415);
  });

  it("refuses an oversized body with 413, by header and by actual size", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    const byHeader = post("{}", "application/json", { "content-length": String(MAX_BODY_BYTES + 1) });
    expect((await rejection(parseBody(byHeader, answerSchema))).status).toBe(413);
    expect((await rejection(parseBody(post(JSON.stringify({ a: big }), "application/json"), answerSchema))).status).toBe(413);
  });

  it("answers malformed JSON and invalid fields with a 400 naming each field", async () => {
    expect((await rejection(parseBody(post("{nope", "application/json"), answerSchema))).code).toBe("invalid_json");
    const error = await rejection(parseBody(post('{"questionId":"ok-id","answer":"","extra":1}', "application/json"), answerSchema));
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["answer"]));
    expect(error.message).toMatch(/Choose an answer/);
    const body = await error.toResponse().json();
    expect(body).toEqual({ error: { code: "invalid_request", message: error.message, fields: error.fields } });
  });

  it("keeps schema coercion for form numbers", async () => {
    const schema = z.object({ length: z.coerce.number().int() }).strict();
    const { data } = await parseBody(post("length=10", "application/x-www-form-urlencoded"), schema);
    expect(data.length).toBe(10);
  });
});
