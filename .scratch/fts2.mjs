import Database from 'better-sqlite3';
import fs from 'node:fs';
fs.copyFileSync('/tmp/taizhang-import-bench-AaOD57/p.db', '/tmp/fts2.db');
const db = new Database('/tmp/fts2.db');
db.pragma('journal_mode=WAL'); db.pragma('synchronous=FULL');
const expr = ['name','id_number','class_name','fund_source','guardian','phone','address','remark'].map(k => `NULLIF(json_extract(data,'$.${k}'),'')`).join(', ');
for (const detail of ['full', 'none']) {
  db.exec('DROP TABLE IF EXISTS f'); db.exec(`CREATE VIRTUAL TABLE f USING fts5(body, tokenize='trigram', detail=${detail})`);
  db.exec("INSERT INTO f(f, rank) VALUES ('crisismerge', 64)"); db.exec("INSERT INTO f(f, rank) VALUES ('automerge', 16)");
  let t = performance.now();
  db.transaction(() => db.exec(`INSERT INTO f(rowid, body) SELECT id, concat_ws(' ', ${expr}) FROM records`))();
  console.log(detail, 'INSERT..SELECT', ((performance.now() - t) / 1000).toFixed(2));
  const same = db.prepare('SELECT count(*) FROM f JOIN records_fts r ON r.rowid = f.rowid WHERE r.body = f.body').pluck().get();
  console.log('same bodies', same);
}
