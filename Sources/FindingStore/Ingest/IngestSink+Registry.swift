import GRDB

extension IngestSink {
    /// Notes the configured model registry (`note`) unless the store already holds this exact
    /// registry, known by its digest. A config may list hundreds of thousands of models; writing
    /// them all on every report made each ingest cost seconds. The digest is kept in the report's
    /// transaction, so a report that fails leaves the registry to be noted by the next one.
    public func syncRegistry(digest: String, _ note: () throws -> Void) throws {
        try writeQueued()
        let key = "registryDigest"
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM storeSetting WHERE key = ?"), arguments: [key])
        guard stored != digest else { return }
        try note()
        try db.execute(
            sql: """
                INSERT INTO storeSetting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [key, digest])
    }
}
