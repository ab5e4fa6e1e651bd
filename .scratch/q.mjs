import Database from 'better-sqlite3';
const db = new Database('/tmp/taizhang-import-bench-AaOD57/p.db', { readonly: true });
console.log(db.prepare("SELECT sql FROM sqlite_master WHERE name='records_fts'").pluck().get());
console.log(db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM records r WHERE r.id IN (SELECT rowid FROM records_fts WHERE body LIKE ?)").all('%青龙村%'));
for (const q of ['%青龙村%', '%4228221%', '%张雨桐%']) { const t = performance.now(); const n = db.prepare("SELECT count(*) FROM records r WHERE r.id IN (SELECT rowid FROM records_fts WHERE body LIKE ?)").pluck().get(q); console.log(q, n, (performance.now()-t).toFixed(0), 'ms'); }
