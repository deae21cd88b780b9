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

// Lists travel as one JSON parameter (json_each), and multi-row reads come back as one row of JSON
// text: libsql's per-statement and per-row costs dwarf SQLite's own work, so fewer is faster.
// Scores are read as printf('%!.17g') text, which round-trips every double; SQLite's JSON would not.
const STATEMENTS = {
  begin: "BEGIN IMMEDIATE",
  commit: "COMMIT",
  rollback: "ROLLBACK",

  // ?1 keys, ?2 [key, field] pairs, ?3 keys whose every field is wanted, ?4 [key, member] pairs.
  prefetch: `SELECT
    (SELECT json_group_array(json_array(k.key, k.type, k.value, k.expires_at))
      FROM json_each(?1) AS j JOIN keys AS k ON k.key = j.value) AS keys,
    (SELECT json_group_array(json_array(h.key, h.field, h.value))
      FROM json_each(?2) AS j JOIN hash_fields AS h ON h.key = j.value ->> 0 AND h.field = j.value ->> 1) AS fields,
    (SELECT json_group_array(json_array(h.key, h.field, h.value))
      FROM json_each(?3) AS j JOIN hash_fields AS h ON h.key = j.value) AS hashes,
    (SELECT json_group_array(json_array(z.key, z.member, printf('%!.17g', z.score)))
      FROM json_each(?4) AS j JOIN zset_members AS z ON z.key = j.value ->> 0 AND z.member = j.value ->> 1) AS members`,
  key: "SELECT type, value, expires_at AS expiresAt FROM keys WHERE key = ?",
  field: "SELECT value FROM hash_fields WHERE key = ? AND field = ?",
  allFields: "SELECT json_group_array(json_array(field, value)) AS pairs FROM hash_fields WHERE key = ?",
  member: "SELECT score FROM zset_members WHERE key = ? AND member = ?",

  // Write-back. ?1 is a JSON array of keys or of [key, …] rows.
  deleteKeys: "DELETE FROM keys WHERE key IN (SELECT value FROM json_each(?1))",
  deleteFields: "DELETE FROM hash_fields WHERE key IN (SELECT value FROM json_each(?1))",
  deleteMembers: "DELETE FROM zset_members WHERE key IN (SELECT value FROM json_each(?1))",
  putKeys: `INSERT INTO keys (key, type, value, expires_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?1) WHERE true
    ON CONFLICT (key) DO UPDATE SET type = excluded.type, value = excluded.value, expires_at = excluded.expires_at`,
  putFields: `INSERT INTO hash_fields (key, field, value)
    SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1) WHERE true
    ON CONFLICT (key, field) DO UPDATE SET value = excluded.value`,
  putMember: `INSERT INTO zset_members (key, member, score) VALUES (?, ?, ?)
    ON CONFLICT (key, member) DO UPDATE SET score = excluded.score`,

  countMembers: "SELECT count(*) AS n FROM zset_members WHERE key = ?",
  countBetween: "SELECT count(*) AS n FROM zset_members WHERE key = ? AND score >= ? AND score <= ?",
  // Redis orders equal scores by member, bytewise — as SQLite's BINARY collation does for UTF-8.
  countBefore: "SELECT count(*) AS n FROM zset_members WHERE key = ?1 AND (score < ?2 OR (score = ?2 AND member < ?3))",
  countAfter: "SELECT count(*) AS n FROM zset_members WHERE key = ?1 AND (score > ?2 OR (score = ?2 AND member > ?3))",
  rangeAscending: `SELECT json_group_array(json_array(member, printf('%!.17g', score))
      ORDER BY score, member) AS pairs
    FROM (SELECT member, score FROM zset_members WHERE key = ? ORDER BY score, member LIMIT ? OFFSET ?)`,
  rangeDescending: `SELECT json_group_array(json_array(member, printf('%!.17g', score))
      ORDER BY score DESC, member DESC) AS pairs
    FROM (SELECT member, score FROM zset_members WHERE key = ? ORDER BY score DESC, member DESC LIMIT ? OFFSET ?)`,

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
