// One side of the peer bench. Usage:
//   node replicate.js load <db dir> <docs.json>    untimed: a local PouchDB filled with
//                                                   one document per candidate
//   node replicate.js push <db dir> <remote url>   time the local db's replication up
//   node replicate.js pull <db dir> <remote url>   time the remote's replication into a
//                                                   new local db
// Replication with batch_size 1000 (PouchDB's fast setting). Prints one JSON line:
// {"seconds": ..., "docs": ...}.
'use strict';
const fs = require('fs');
const PouchDB = require('pouchdb-node');

async function main() {
  const [mode, dir, arg] = process.argv.slice(2);
  const db = new PouchDB(dir);
  if (mode === 'load') {
    const docs = JSON.parse(fs.readFileSync(arg, 'utf8'));
    for (let i = 0; i < docs.length; i += 1000) {
      await db.bulkDocs(docs.slice(i, i + 1000));
    }
    const info = await db.info();
    console.log(JSON.stringify({ docs: info.doc_count }));
    return;
  }
  const remote = new PouchDB(arg);
  const opts = { batch_size: 1000 };
  const start = process.hrtime.bigint();
  const result = mode === 'push'
    ? await PouchDB.replicate(db, remote, opts)
    : await PouchDB.replicate(remote, db, opts);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ seconds, docs: result.docs_written, ok: result.ok }));
}

main().catch((e) => { console.error(e && e.message); process.exit(1); });
