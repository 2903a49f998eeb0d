#!/usr/bin/env python3
# Raw-SQLite experiment for issue 25: 100k new identities into a 10M-entry unique key, written
# as today (random order, the key on the finding row) and as a separate identity table the
# group's keys are sorted into, with and without looking each key up first.
# usage: scripts/sorted-identity.py [FINDINGS] [DB]   (10M: ~1.5 GB in DB, about 90 s here)
import os, sqlite3, time, sys, random
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/identity.db"
def build():
    db = sqlite3.connect(path)
    db.execute('CREATE TABLE IF NOT EXISTS rowtab (id INTEGER PRIMARY KEY, fp BLOB NOT NULL UNIQUE, pad INTEGER)')
    db.execute('CREATE TABLE IF NOT EXISTS ident (fp BLOB PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID')
    db.execute('CREATE TABLE IF NOT EXISTS rowtab2 (id INTEGER PRIMARY KEY, fp BLOB NOT NULL, pad INTEGER)')
    if db.execute('SELECT count(*) FROM rowtab').fetchone()[0] != N:
        t = time.time()
        db.execute(f'''WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {N} - 1)
            INSERT INTO rowtab (fp, pad) SELECT randomblob(16), i FROM n''')
        db.execute('INSERT INTO ident (fp, id) SELECT fp, id FROM rowtab ORDER BY fp')
        db.execute('INSERT INTO rowtab2 SELECT * FROM rowtab')
        db.commit()
        print(f'built in {time.time() - t:.0f} s', flush=True)
    db.close()
def conn():
    db = sqlite3.connect(path, isolation_level=None)
    for p in ['journal_mode = WAL', 'cache_size = -131072', 'temp_store = MEMORY', 'wal_autocheckpoint = 16384']:
        db.execute('PRAGMA ' + p)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    return db
def measure(kind):
    db = conn(); os.sync()
    keys = [os.urandom(16) for _ in range(100_000)]
    t = time.time()
    db.execute('BEGIN IMMEDIATE')
    if kind == 'random':
        for k, key in enumerate(keys):
            db.execute('SELECT id FROM rowtab WHERE fp = ?', (key,)).fetchone()
            db.execute('INSERT INTO rowtab (fp, pad) VALUES (?, ?)', (key, k))
    else:
        ids = []
        for k, key in enumerate(keys):
            if kind == 'sorted+lookup':
                db.execute('SELECT id FROM ident WHERE fp = ?', (key,)).fetchone()
            cur = db.execute('INSERT INTO rowtab2 (fp, pad) VALUES (?, ?)', (key, k))
            ids.append((key, cur.lastrowid))
        ids.sort()
        db.executemany('INSERT INTO ident (fp, id) VALUES (?, ?)', ids)
    db.execute('COMMIT')
    db.close()
    dt = time.time() - t
    print(f'{kind}: 100,000 new keys into {N:,}: {100_000 / dt:,.0f} keys/s ({dt:.2f} s)', flush=True)
    db = sqlite3.connect(path)
    if kind == 'random': db.execute(f'DELETE FROM rowtab WHERE id > {N}')
    else:
        db.execute(f'DELETE FROM ident WHERE id > {N}'); db.execute(f'DELETE FROM rowtab2 WHERE id > {N}')
    db.commit(); db.close()
build()
for _ in range(2):
    for kind in ['random', 'sorted', 'sorted+lookup']: measure(kind)
