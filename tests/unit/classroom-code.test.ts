import { describe, expect, it } from "vitest";
import { formatJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_CODE_PATTERN, newJoinCode, normalizeJoinCode } from "@/lib/classroom/code";
import { joinCodeSchema } from "@/lib/classroom/requests";
import { seededRandom } from "./quiz-fixtures";

describe("join codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(30);
    for (const confusable of ["0", "O", "1", "I", "L", "U"]) expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
    const random = seededRandom(7);
    for (let i = 0; i < 200; i += 1) {
      const code = newJoinCode(random);
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(code).toMatch(JOIN_CODE_PATTERN);
    }
  });

  it("leave guessing hopeless: 30^8 codes", () => {
    expect(JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH).toBeGreaterThan(6e11);
  });

  it("use every letter of the alphabet (no modulo bias towards a few)", () => {
    const random = seededRandom(11);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i += 1) for (const char of newJoinCode(random)) seen.add(char);
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("accept what people type: any case, spaces and dashes", () => {
    expect(normalizeJoinCode(" k7qf-3mzp ")).toBe("K7QF3MZP");
    expect(joinCodeSchema.parse("k7qf 3mzp")).toBe("K7QF3MZP");
    expect(formatJoinCode("K7QF3MZP")).toBe("K7QF 3MZP");
  });

  it("refuse codes we never give out, with a message to act on", () => {
    expect(joinCodeSchema.safeParse("K7QF3MZ").error?.issues[0]?.message).toMatch(/8 characters/);
    expect(joinCodeSchema.safeParse("K7QF3MZ0").error?.issues[0]?.message).toMatch(/check the letters/);
    expect(joinCodeSchema.safeParse("").error?.issues[0]?.message).toMatch(/Type the code/);
  });
});
