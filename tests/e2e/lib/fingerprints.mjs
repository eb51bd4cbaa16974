// A table's rows as one fingerprint: their count and the md5 of their text form, sorted, over the given columns only
// (so a column a later migration adds does not change it). For the backup and upgrade tests.

/**
 * @param {import("pg").Client} client
 * @param {Record<string, string[]>} tables table name -> its columns
 */
export async function tableFingerprints(client, tables) {
  // Timestamps print in the session's time zone: the same one everywhere, so fingerprints match across machines.
  await client.query("SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, MDY'; SET IntervalStyle TO 'postgres'");
  const result = {};
  for (const [table, columns] of Object.entries(tables)) {
    const list = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(", ");
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM (SELECT ${list} FROM "${table}") r`,
    );
    result[table] = { columns, rows: rows[0].n, md5: rows[0].h };
  }
  return result;
}
