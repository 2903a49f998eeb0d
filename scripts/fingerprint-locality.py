#!/usr/bin/env python3
# Raw-SQLite experiment for issue 25: 100k new identities into a 10M-entry unique index, with
# random keys (today's fingerprints) and with a scope prefix (a key that sorts by scope first).
# usage: scripts/fingerprint-locality.py [FINDINGS] [DB]   (10M: ~1.3 GB in DB, about 80 s here)
import os, sqlite3, time, struct, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/locality.db"
def build(table, prefixed):
    db = sqlite3.connect(path)
    db.execute(f'CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY, fp BLOB NOT NULL UNIQUE, pad INTEGER)')
    if db.execute(f'SELECT count(*) FROM {table}').fetchone()[0] == N: return
    t = time.time()
    if prefixed:  # scope i = id / 5000 as 8 ASCII digits, then 8 random bytes
        db.execute(f'''WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {N} - 1)
            INSERT INTO {table} (fp, pad) SELECT CAST(printf('%08d', i / 5000) AS BLOB) || randomblob(8), i FROM n''')
    else:
        db.execute(f'''WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {N} - 1)
            INSERT INTO {table} (fp, pad) SELECT randomblob(16), i FROM n''')
    db.commit(); db.close()
    print(f'built {table} in {time.time() - t:.0f} s', flush=True)
def measure(table, prefixed):
    db = sqlite3.connect(path, isolation_level=None)
    for p in ['journal_mode = WAL', 'cache_size = -131072', 'temp_store = MEMORY', 'wal_autocheckpoint = 16384']:
        db.execute('PRAGMA ' + p)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    os.sync()
    base = N // 5000
    t = time.time()
    db.execute('BEGIN IMMEDIATE')
    for r in range(20):
        for k in range(5000):
            key = (b'%08d' % (base + r) + os.urandom(8)) if prefixed else os.urandom(16)
            db.execute(f'INSERT INTO {table} (fp, pad) VALUES (?, ?)', (key, k))
    db.execute('COMMIT')
    db.close()  # the last checkpoint
    dt = time.time() - t
    print(f'{table}: 100,000 new keys into {N:,}: {100_000 / dt:,.0f} keys/s ({dt:.2f} s)', flush=True)
    db = sqlite3.connect(path); db.execute(f'DELETE FROM {table} WHERE id > {N}'); db.commit(); db.close()
build('random', False); build('scoped', True)
for _ in range(2):
    measure('random', False); measure('scoped', True)
