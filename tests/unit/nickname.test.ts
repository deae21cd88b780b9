import { describe, expect, it } from "vitest";
import {
  FRIENDLY_ADJECTIVES,
  FRIENDLY_NOUNS,
  NICKNAME_MAX_GRAPHEMES,
  cleanNickname,
  countGraphemes,
  friendlyName,
  normalizeNickname,
} from "@/lib/nickname";
import { nicknameFormTextSchema, nicknameTextSchema } from "@/lib/nickname-schema";
import { NICKNAME_MESSAGES } from "@/lib/nickname-text";

/** Obfuscations people actually type: leetspeak, spacing, punctuation, case, repeats, look-alikes. */
const OFFENSIVE = [
  "fuck",
  "FUCK",
  "fvck",
  "fuuuuck",
  "f u c k",
  "f.u.c.k",
  "f_u_c_k",
  "f-u-c-k",
  "Fu.ck",
  "ｆｕｃｋ", // fullwidth, folded by NFKC
  "f\u200Buck", // zero-width space inside
  "fu\u202Eck", // bidi override inside
  "sh1t",
  "5hit",
  "shiiit",
  "b1tch",
  "a$$hole",
  "assh0le",
  "c0ck",
  "d1ck",
  "dickhead",
  "BigDick",
  "Dick Head",
  "big dick",
  "c u n t",
  "n1gger",
  "nigga",
  "wh0re",
  "s1ut",
  "slut",
  "fag",
  "b@stard",
  "r3tard",
  "pu$$y",
  "twat",
  "w@nker",
  "jizz",
  "dildo",
  "p0rn",
  "b00bs",
  "cocksucker",
  "motherfucker",
  "Hitler",
  "nazi",
  "kys",
  "kill yourself",
  "Cool Fucker 99",
];

/**
 * Real given names (and a few surnames people use as nicknames) from many
 * languages and scripts, including Scunthorpe cases where a name contains a
 * listed word.
 */
const REAL_NAMES = [
  // English and Scunthorpe-style cases
  "Dick", // allowed on purpose: a common given name (see NAME_WHITELIST in lib/nickname.ts)
  "Dick Smith",
  "Dickson",
  "Hancock",
  "Cassandra",
  "Sussex",
  "Titus",
  "Hooker",
  "Essex",
  "Scunthorpe",
  "Fanny",
  "Cockburn",
  "Dickens",
  // Italian, Spanish, Portuguese, French
  "Assunta",
  "Massimo",
  "Analía",
  "Analise",
  "José",
  "João",
  "François",
  "Zoë",
  "Ángel",
  "Enrique",
  // Vietnamese, Thai, Japanese, Tagalog
  "Phuc",
  "Phúc",
  "Nguyễn Thị Hương",
  "Rapeepat",
  "Pornpimol",
  "Fukuda",
  "Haruto",
  "Maricel",
  // South Asian
  "Kuntal",
  "Anusha",
  "Dikshit",
  "Shitij",
  "Prakash",
  "Lakshmi",
  "अनुष्का", // Devanagari: Anushka
  "स्त्री शक्ति", // Devanagari with conjuncts
  "Priyanka",
  // Turkish, Arabic, Persian, Hebrew
  "Cumhur",
  "Cumali",
  "Şükrü",
  "Nazia",
  "Nazir",
  "Hassan",
  "محمد",
  "فاطمة",
  "عائشة",
  "مریم",
  "אברהם",
  // Slavic, Greek, Nordic, Hungarian, African
  "Семён",
  "Анастасия",
  "Semenov",
  "Dragoslav",
  "Małgorzata",
  "Jiří",
  "Νίκος",
  "Åsa",
  "Bjørn",
  "Gergő",
  "Chukwuemeka",
  "Shittu",
  "Oluwaseun",
  "Nomvula",
  // East Asian
  "王芳",
  "李小龙",
  "민준",
  "김서연",
  "さくら",
  "ユウキ",
  // Combining accents written decomposed (NFD), which NFKC composes
  "Ame\u0301lie",
  "Zo\u0308e",
  "Jose\u0301 Mari\u0301a",
  // Hyphens, apostrophes, initials
  "Jean-Luc",
  "O'Brien",
  "J R R Tolkien",
];

describe("normalizeNickname: refuses offensive names", () => {
  it(`has at least 25 cases (${OFFENSIVE.length})`, () => {
    expect(OFFENSIVE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(OFFENSIVE)("refuses %j", (name) => {
    const result = normalizeNickname(name);
    expect(result).toMatchObject({ ok: false, reason: "offensive" });
    if (!result.ok) expect(result.message).toBe(NICKNAME_MESSAGES.offensive);
  });
});

describe("normalizeNickname: accepts real names", () => {
  it(`has at least 60 cases (${REAL_NAMES.length})`, () => {
    expect(REAL_NAMES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(REAL_NAMES)("accepts %j", (name) => {
    const result = normalizeNickname(name);
    expect(result).toEqual({ ok: true, nickname: name.normalize("NFKC") });
  });
});

describe("normalizeNickname: cleaning", () => {
  it("strips zero-width characters", () => {
    for (const zw of ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"]) {
      expect(normalizeNickname(`Al${zw}ice`)).toEqual({ ok: true, nickname: "Alice" });
    }
  });

  it("strips bidi controls", () => {
    for (const bidi of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"]) {
      expect(normalizeNickname(`${bidi}Bob${bidi}`)).toEqual({ ok: true, nickname: "Bob" });
    }
  });

  it("strips control characters and turns tabs and newlines into spaces", () => {
    expect(normalizeNickname("Ann\u0000a\u0007")).toEqual({ ok: true, nickname: "Anna" });
    expect(normalizeNickname("Mary\tJane\nSmith")).toEqual({ ok: true, nickname: "Mary Jane Smith" });
  });

  it("strips lone surrogates (half a character), and keeps whole emoji", () => {
    expect(normalizeNickname("Ana\uD800")).toEqual({ ok: true, nickname: "Ana" });
    expect(normalizeNickname("\uDC00Bob \uD83D")).toEqual({ ok: true, nickname: "Bob" });
    expect(normalizeNickname("Zoë \uD83D\uDE00")).toEqual({ ok: true, nickname: "Zoë 😀" });
    expect(normalizeNickname("\uD800\uD800")).toMatchObject({ ok: false, reason: "empty" });
  });

  it("collapses and trims whitespace, including non-breaking and ideographic spaces", () => {
    expect(normalizeNickname("   Mary \u00A0\u3000  Jane  ")).toEqual({ ok: true, nickname: "Mary Jane" });
  });

  it("applies NFKC: fullwidth letters and ligatures fold to plain ones", () => {
    expect(normalizeNickname("Ｊｏｈｎ")).toEqual({ ok: true, nickname: "John" });
    expect(normalizeNickname("ﬁona")).toEqual({ ok: true, nickname: "fiona" });
    expect(cleanNickname("e\u0301")).toBe("é");
  });

  it("refuses names that are empty once invisible characters are gone", () => {
    for (const blank of ["", "   ", "\u200B\u200D", "\u202E\u2066", "\u3164", "\u2800\u2800", "\t\n"]) {
      expect(normalizeNickname(blank)).toMatchObject({ ok: false, reason: "empty" });
    }
  });
});

describe("normalizeNickname: length in graphemes", () => {
  it("accepts exactly 20 and refuses 21, telling the count", () => {
    expect(normalizeNickname("a".repeat(20))).toMatchObject({ ok: true });
    const result = normalizeNickname("a".repeat(21));
    expect(result).toMatchObject({ ok: false, reason: "too-long" });
    if (!result.ok) expect(result.message).toContain("21");
  });

  it("counts an emoji with skin tone or a flag as one character", () => {
    expect(countGraphemes("👍🏽")).toBe(1);
    expect(countGraphemes("🇰🇷")).toBe(1);
    expect(normalizeNickname("👍🏽".repeat(20))).toMatchObject({ ok: true });
    expect(normalizeNickname("🇰🇷".repeat(21))).toMatchObject({ ok: false, reason: "too-long" });
  });

  it("counts a letter with combining marks as one character", () => {
    const composedLater = "e\u0301".repeat(20); // NFKC composes these into é
    expect(normalizeNickname(composedLater)).toMatchObject({ ok: true });
    const noPrecomposed = "q\u0307\u0323".repeat(20); // no precomposed form: stays 3 code points
    expect(countGraphemes(noPrecomposed)).toBe(20);
    expect(normalizeNickname(noPrecomposed)).toMatchObject({ ok: true });
    expect(normalizeNickname(`${noPrecomposed}q`)).toMatchObject({ ok: false, reason: "too-long" });
  });

  it("refuses 'Zalgo' stacks of combining marks", () => {
    expect(normalizeNickname(`Z${"\u0336\u0337\u0338".repeat(5)}algo`)).toMatchObject({
      ok: false,
      reason: "too-long",
    });
  });

  it("refuses very long input cheaply", () => {
    expect(normalizeNickname("x".repeat(100_000))).toMatchObject({ ok: false, reason: "too-long" });
  });

  it("counts what is left after stripping, not the raw input", () => {
    expect(normalizeNickname(`${"\u200B".repeat(30)}Sam`)).toEqual({ ok: true, nickname: "Sam" });
  });
});

describe("nicknameTextSchema", () => {
  it("returns the normalized nickname", () => {
    expect(nicknameTextSchema.parse("  Ｊｏ\u200Bｅ  ")).toBe("Joe");
  });

  it("reports a refusal as one issue with the message and the reason", () => {
    const parsed = nicknameTextSchema.safeParse("x".repeat(NICKNAME_MAX_GRAPHEMES + 1));
    expect(parsed.error?.issues).toHaveLength(1);
    expect(parsed.error?.issues[0]).toMatchObject({
      code: "custom",
      message: NICKNAME_MESSAGES.tooLong(NICKNAME_MAX_GRAPHEMES + 1),
      params: { reason: "too-long" },
    });
  });

  it("refuses non-strings with the empty message", () => {
    expect(nicknameTextSchema.safeParse(undefined).error?.issues[0]?.message).toBe(NICKNAME_MESSAGES.empty);
  });
});

describe("the browser's nickname check (nicknameFormTextSchema)", () => {
  it("cleans and measures a nickname as the server does", () => {
    expect(nicknameFormTextSchema.parse({ nickname: "  Ｊｏ\u200Bｅ  " })).toEqual({ nickname: "Joe" });
    for (const nickname of ["", "   ", "x".repeat(NICKNAME_MAX_GRAPHEMES + 1)]) {
      const browser = nicknameFormTextSchema.safeParse({ nickname });
      const server = normalizeNickname(nickname);
      expect(browser.error?.issues[0]?.message).toBe(server.ok ? undefined : server.message);
    }
  });

  it("leaves the word list to the server, which refuses what the browser let through", () => {
    expect(nicknameFormTextSchema.safeParse({ nickname: "f u c k" }).success).toBe(true);
    expect(normalizeNickname("f u c k")).toMatchObject({ ok: false, message: NICKNAME_MESSAGES.offensive });
  });
});

describe("friendlyName", () => {
  it("looks like 'Brave Heron 42'", () => {
    for (let i = 0; i < 50; i += 1) {
      expect(friendlyName()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ [1-9]\d$/);
    }
  });

  it("uses the random source it is given", () => {
    expect(friendlyName(() => 0)).toBe(`${FRIENDLY_ADJECTIVES[0]} ${FRIENDLY_NOUNS[0]} 10`);
  });

  it("every combination passes the nickname rules and fits in 20 characters", () => {
    for (const adjective of FRIENDLY_ADJECTIVES) {
      for (const noun of FRIENDLY_NOUNS) {
        const name = `${adjective} ${noun} 99`;
        expect(countGraphemes(name)).toBeLessThanOrEqual(NICKNAME_MAX_GRAPHEMES);
        expect(normalizeNickname(name)).toEqual({ ok: true, nickname: name });
      }
    }
  });

  it("varies", () => {
    const names = new Set(Array.from({ length: 40 }, () => friendlyName()));
    expect(names.size).toBeGreaterThan(30);
  });
});
