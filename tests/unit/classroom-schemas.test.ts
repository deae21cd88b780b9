import { describe, expect, it } from "vitest";
import { createSessionSchema, hostActionSchema, joinSessionTextSchema as joinSessionSchema, parseStudentPage } from "@/lib/classroom/requests";

describe("creating a session", () => {
  it("coerces a plain HTML form's strings and fills the defaults", () => {
    expect(createSessionSchema.parse({ mode: "live", length: "10", topic: "", timer: "30", scoring: "speed" })).toEqual({
      mode: "live",
      length: 10,
      topic: undefined,
      timer: 30,
      scoring: "speed",
      dueInHours: 24,
    });
    expect(createSessionSchema.parse({ mode: "homework", length: 5, dueInHours: "168" })).toMatchObject({ timer: 0, scoring: "accuracy", dueInHours: 168 });
  });

  it("refuses what the form never offers, naming the field", () => {
    const result = createSessionSchema.safeParse({ mode: "live", length: "7", timer: "15", scoring: "luck", extra: 1 });
    const fields = result.error?.issues.map((issue) => issue.path.join(".") || issue.code);
    expect(fields).toEqual(expect.arrayContaining(["length", "timer", "scoring"]));
    expect(createSessionSchema.safeParse({ mode: "live", length: 5, extra: 1 }).success).toBe(false);
  });
});

describe("joining", () => {
  it("treats a blank nickname as 'generate one for me'", () => {
    expect(joinSessionSchema.parse({ nickname: "   " })).toEqual({ nickname: undefined });
    expect(joinSessionSchema.parse({})).toEqual({ nickname: undefined });
  });

  it("runs the shared normaliser (the word filter is the service's: 422 invalid_nickname)", () => {
    expect(joinSessionSchema.parse({ nickname: "  Zoë\u200B  Smith " })).toEqual({ nickname: "Zoë Smith" });
  });
});

describe("teacher actions", () => {
  it("reads a plain form's version as a number", () => {
    expect(hostActionSchema.parse({ action: "start", version: "3" })).toEqual({ action: "start", version: 3, from: "projector" });
  });

  it("reads a student's accommodations from a plain form (a ticked checkbox) or JSON, and refuses other times", () => {
    const student = { action: "accommodate", version: "0", playerId: "a".repeat(22), from: "dashboard" };
    expect(hostActionSchema.parse({ ...student, extraTime: "1.5", fewerOptions: "on" })).toMatchObject({ extraTime: "1.5", fewerOptions: true });
    expect(hostActionSchema.parse({ ...student, extraTime: "untimed" })).not.toHaveProperty("fewerOptions");
    expect(hostActionSchema.parse({ ...student, version: 0, fewerOptions: false })).toMatchObject({ fewerOptions: false });
    expect(hostActionSchema.safeParse({ ...student, extraTime: "3" }).error?.issues[0]?.message).toBe("Choose class time, extra time or untimed.");
  });

  it("refuses unknown actions and malformed player ids", () => {
    expect(hostActionSchema.safeParse({ action: "delete-everything", version: 0 }).success).toBe(false);
    expect(hostActionSchema.safeParse({ action: "remove", version: 0, playerId: "../../etc" }).success).toBe(false);
  });
});

describe("the dashboard's page of students", () => {
  it("reads a whole number from 1, and shows the first page for anything else", () => {
    expect(parseStudentPage("3")).toBe(3);
    for (const junk of [undefined, "", "0", "-2", "1.5", "two", ["2", "3"]]) expect(parseStudentPage(junk), String(junk)).toBe(1);
  });
});
