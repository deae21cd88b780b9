import type Database from "libsql";

/**
 * The embedded store's schema and every statement it runs, prepared once per
 * connection. Values only ever travel as bound parameters.
 *
 * A key's row in `keys` carries its type and expiry; hashes and sorted sets
 * keep their contents in side tables, emptied by a trigger whenever the key's
 * row is deleted — so deleting the row is the one way to remove a key.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS keys (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('string', 'hash', 'zset')),
  value TEXT,
  expires_at INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS keys_by_expiry ON keys (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS hash_fields (
  key TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (key, field)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS zset_members (
  key TEXT NOT NULL,
  member TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (key, member)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS zset_members_by_score ON zset_members (key, score, member);

CREATE TRIGGER IF NOT EXISTS keys_delete_contents AFTER DELETE ON keys BEGIN
  DELETE FROM hash_fields WHERE key = old.key;
  DELETE FROM zset_members WHERE key = old.key;
END;
`;

const STATEMENTS = {
  begin: "BEGIN IMMEDIATE",
  commit: "COMMIT",
  rollback: "ROLLBACK",

  key: "SELECT type, value, expires_at AS expiresAt FROM keys WHERE key = ?",
  // A key's row and one of its fields/members in one lookup (null when the key has no such entry).
  keyAndField: `SELECT k.type, k.expires_at AS expiresAt, h.value AS field
    FROM keys k LEFT JOIN hash_fields h ON h.key = k.key AND h.field = ? WHERE k.key = ?`,
  keyAndMember: `SELECT k.type, k.expires_at AS expiresAt, z.score
    FROM keys k LEFT JOIN zset_members z ON z.key = k.key AND z.member = ? WHERE k.key = ?`,
  deleteKey: "DELETE FROM keys WHERE key = ?",
  createKey: "INSERT INTO keys (key, type) VALUES (?, ?)",
  putString: `INSERT INTO keys (key, type, value, expires_at) VALUES (?, 'string', ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
  // Leaves expires_at alone: INCRBY keeps a key's TTL.
  setValue: "UPDATE keys SET value = ? WHERE key = ?",
  setExpiry: "UPDATE keys SET expires_at = ? WHERE key = ?",

  // HSET of several fields as one JSON object: two statements whatever the number of fields.
  countFields: "SELECT count(*) AS n FROM hash_fields WHERE key = ? AND field IN (SELECT j.key FROM json_each(?) AS j)",
  putFields: `INSERT INTO hash_fields (key, field, value) SELECT ?, j.key, j.value FROM json_each(?) AS j WHERE true
    ON CONFLICT (key, field) DO UPDATE SET value = excluded.value`,
  putField: `INSERT INTO hash_fields (key, field, value) VALUES (?, ?, ?)
    ON CONFLICT (key, field) DO UPDATE SET value = excluded.value`,
  allFields: "SELECT field, value FROM hash_fields WHERE key = ?",

  putMember: `INSERT INTO zset_members (key, member, score) VALUES (?, ?, ?)
    ON CONFLICT (key, member) DO UPDATE SET score = excluded.score`,
  countMembers: "SELECT count(*) AS n FROM zset_members WHERE key = ?",
  countBetween: "SELECT count(*) AS n FROM zset_members WHERE key = ? AND score >= ? AND score <= ?",
  // Redis orders equal scores by member, bytewise — as SQLite's BINARY collation does for UTF-8.
  countBefore: "SELECT count(*) AS n FROM zset_members WHERE key = ?1 AND (score < ?2 OR (score = ?2 AND member < ?3))",
  countAfter: "SELECT count(*) AS n FROM zset_members WHERE key = ?1 AND (score > ?2 OR (score = ?2 AND member > ?3))",
  rangeAscending: "SELECT member, score FROM zset_members WHERE key = ? ORDER BY score, member LIMIT ? OFFSET ?",
  rangeDescending:
    "SELECT member, score FROM zset_members WHERE key = ? ORDER BY score DESC, member DESC LIMIT ? OFFSET ?",

  keysWithPrefix:
    "SELECT key FROM keys WHERE instr(key, ?) = 1 AND (expires_at IS NULL OR expires_at > ?) ORDER BY key",
  sweepExpired: "DELETE FROM keys WHERE key IN (SELECT key FROM keys WHERE expires_at <= ? LIMIT 500)",
  ping: "SELECT 1 AS ok",
} as const;

export type Statements = { [K in keyof typeof STATEMENTS]: Database.Statement };

export function prepareStatements(db: Database.Database): Statements {
  const entries = Object.entries(STATEMENTS).map(([name, sql]) => [name, db.prepare(sql)]);
  // fromEntries loses the key names; they are exactly STATEMENTS' keys.
  return Object.fromEntries(entries) as Statements;
}
