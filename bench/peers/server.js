// express-pouchdb (CouchDB's replication protocol) over PouchDB 9 with LevelDB on disk,
// on 127.0.0.1. Usage: node server.js <data dir> <port>. Prints "listening" when ready.
'use strict';
const path = require('path');
const express = require('express');
const PouchDB = require('pouchdb-node');

const [dir, port] = process.argv.slice(2);
const Local = PouchDB.defaults({ prefix: path.resolve(dir) + path.sep });
const app = express();
app.use(require('express-pouchdb')(Local, { mode: 'minimumForPouchDB', logPath: path.join(dir, 'log.txt') }));
app.listen(Number(port), '127.0.0.1', () => console.log('listening'));
