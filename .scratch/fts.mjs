import Database from 'better-sqlite3';
const B = '/tmp/taizhang-import-bench-AaOD57/p.db';
const src = new Database(B, { readonly: true });
const bodies = src.prepare('SELECT body FROM records_fts').pluck().all();
console.log('bodies', bodies.length, 'avg chars', (bodies.reduce((a, b) => a + b.length, 0) / bodies.length).toFixed(1));
for (const variant of ["tokenize='trigram'", "tokenize='trigram', detail=column", "tokenize='trigram', detail=none", "tokenize='trigram', content=''", "tokenize='trigram', content='', contentless_delete=1"]) {
  const db = new Database('/tmp/fts-test.db'); db.pragma('journal_mode=WAL'); db.pragma('synchronous=FULL');
  db.exec('DROP TABLE IF EXISTS f'); db.exec(`CREATE VIRTUAL TABLE f USING fts5(body, ${variant})`);
  db.exec("INSERT INTO f(f, rank) VALUES ('crisismerge', 64)"); db.exec("INSERT INTO f(f, rank) VALUES ('automerge', 16)");
  const ins = db.prepare('INSERT INTO f(rowid, body) VALUES (?, ?)');
  const del = db.prepare('DELETE FROM f WHERE rowid = ?');
  const t = performance.now();
  db.transaction(() => { bodies.forEach((b, i) => { ins.run(i + 1, b); }); })();
  const ms = performance.now() - t;
  let q = '-';
  try { const t2 = performance.now(); const n = db.prepare("SELECT count(*) FROM f WHERE body LIKE '%4228%12%'").pluck().get(); q = `${n} in ${(performance.now()-t2).toFixed(0)}ms`; } catch (e) { q = e.message; }
  console.log(variant.padEnd(60), (ms / 1000).toFixed(2), 's', q);
  db.close();
}
{
  const db = new Database('/tmp/fts-test.db'); db.exec('DROP TABLE IF EXISTS f'); db.exec("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='trigram')");
  const ins = db.prepare('INSERT INTO f(rowid, body) VALUES (?, ?)'); const del = db.prepare('DELETE FROM f WHERE rowid = ?');
  const t = performance.now(); db.transaction(() => { bodies.forEach((b, i) => { del.run(i+1); ins.run(i + 1, b); }); })();
  console.log('with delete-before-insert', ((performance.now() - t) / 1000).toFixed(2));
}
