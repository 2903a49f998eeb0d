import GRDB

/// The store's schema, one migration per change. Enum-valued columns hold the stable raw values of
/// the `Findings` enums (Severity, Threat, TriageState) to keep rows small.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-scope") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-scan-warnings") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4-model-kind") { db in
            try db.execute(sql: "ALTER TABLE model ADD COLUMN kind TEXT NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'dataset'))")
        }
        migrator.registerMigration("v5-rule-mapping") { db in
            // Why the rule's findings sit in their cell: the mapping rule that matched, and its reason.
            try db.execute(sql: "ALTER TABLE rule ADD COLUMN mapping TEXT")
        }
        migrator.registerMigration("v6-model-card") { db in
            // The ML-BOM modelCard as received (JSON), for the model detail and ML-BOM export.
            try db.execute(sql: "ALTER TABLE model ADD COLUMN modelCard TEXT")
        }
        migrator.registerMigration("v7-model-summary") { db in
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8-risk-weight-and-aliases") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9-triage") { db in
            // What a triage change replaced (JSON), so its author can undo it; and a small index for
            // the acceptances that lapse.
            try db.execute(
                sql: """
                    ALTER TABLE findingEvent ADD COLUMN previous TEXT;
                    CREATE INDEX finding_accepted ON finding (acceptedUntil) WHERE state = 6;
                    """)
        }
        migrator.registerMigration("v10-compact-findings") { db in
            db.add(function: TextHash.sqlFunction)
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11-summary-on-ingest") { db in
            try db.execute(sql: v11)
        }
        migrator.registerMigration("v12-per-model-summary") { db in
            try db.execute(sql: v12)
        }
        migrator.registerMigration("v13-projects-and-coverage") { db in
            try db.execute(sql: v13)
        }
        migrator.registerMigration("v14-store-settings") { db in
            // Small facts about the store itself: the digest of the model registry last noted, so a
            // 200k-model config is written once, not on every report.
            try db.execute(sql: "CREATE TABLE storeSetting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        }
        migrator.registerMigration("v15-other-locations") { db in
            // The other places a finding occurs (SARIF locations after the first), each with the
            // model it is attributed to there; `otherLocations` on the finding says how many, so a
            // reimport touches the table only for findings that have or had some.
            try db.execute(
                sql: """
                    CREATE TABLE findingLocation (
                        findingId INTEGER NOT NULL REFERENCES finding(id),
                        ordinal INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        line INTEGER,
                        endLine INTEGER,
                        modelId INTEGER REFERENCES model(id),
                        PRIMARY KEY (findingId, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX findingLocation_by_path ON findingLocation (path);
                    CREATE INDEX findingLocation_by_model ON findingLocation (modelId) WHERE modelId IS NOT NULL;
                    ALTER TABLE finding ADD COLUMN otherLocations INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        migrator.registerMigration("v16-rule-mapping-inputs") { db in
            // What the tool said about each rule that the mapping reads (CWE, tags, threat
            // metadata), as JSON: `mlsoc mapping unmapped` shows it and `mapping explain` maps again.
            try db.execute(sql: "ALTER TABLE rule ADD COLUMN inputs TEXT")
        }
        migrator.registerMigration("v17-fingerprints-per-project") { db in
            // A finding's identity is its project's (IngestSink.inProject): the fingerprints of
            // findings outside `default` are mixed with their project's name.
            db.add(function: IngestSink.projectFingerprintFunction)
            try db.execute(
                sql: """
                    UPDATE finding SET fingerprint = mlsoc_project_fingerprint(fingerprint, (SELECT name FROM project WHERE id = finding.projectId))
                    WHERE projectId IN (SELECT id FROM project WHERE name != 'default')
                    """)
        }
        migrator.registerMigration("v18-scan-scope-model") { db in
            // The model a report is about (garak, promptfoo, fickling name one), so a clean run is
            // evidence for that model and not for the others of its project (compliance).
            try db.execute(sql: "ALTER TABLE scan ADD COLUMN scopeModel TEXT")
        }
        migrator.registerMigration("v19-scan-models") { db in
            // Which models each scan reported findings for, written by the ingest: compliance reads
            // a few thousand rows instead of a distinct over every finding (0.8 s at 1M). Filled
            // from the findings for the scans already stored.
            try db.execute(
                sql: """
                    CREATE TABLE scanModel (
                        scanId INTEGER NOT NULL REFERENCES scan(id),
                        modelId INTEGER NOT NULL REFERENCES model(id),
                        PRIMARY KEY (scanId, modelId)
                    ) WITHOUT ROWID;
                    INSERT OR IGNORE INTO scanModel (scanId, modelId)
                    SELECT DISTINCT lastScanId, modelId FROM finding WHERE modelId IS NOT NULL
                    UNION SELECT DISTINCT firstScanId, modelId FROM finding WHERE modelId IS NOT NULL AND firstScanId IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v20-group-summary") { db in
            try db.execute(sql: v20)
        }
        migrator.registerMigration("v21-acceptance-proposals") { db in
            // Four-eyes risk acceptance (issue 20): an acceptance one account proposes and another
            // approves or rejects. Every step is also an event in findingEvent.
            try db.execute(
                sql: """
                    CREATE TABLE acceptanceProposal (
                        id INTEGER PRIMARY KEY,
                        findingId INTEGER NOT NULL REFERENCES finding(id),
                        proposedBy TEXT NOT NULL,
                        proposedAt INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        until INTEGER NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
                        decidedBy TEXT,
                        decidedAt INTEGER,
                        decision TEXT
                    );
                    CREATE INDEX acceptanceProposal_by_finding ON acceptanceProposal (findingId, id);
                    CREATE UNIQUE INDEX acceptanceProposal_pending ON acceptanceProposal (findingId) WHERE status = 'proposed';
                    """)
        }
        migrator.registerMigration("v22-ticket-links") { db in
            // The ticket a finding is tracked in (a key such as JIRA-123, or a URL), set by triage.
            // Beside the finding, as evidence is: few findings have one, and a column on `finding`
            // cost every row a byte (the store is at its 300 bytes per finding).
            try db.execute(
                sql: """
                    CREATE TABLE findingTicket (
                        findingId INTEGER PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE,
                        ticket TEXT NOT NULL
                    );
                    CREATE INDEX findingTicket_by_ticket ON findingTicket (ticket);
                    """)
        }
        migrator.registerMigration("v23-assigned-summary") { db in
            try db.execute(sql: v23)
        }
        migrator.registerMigration("v24-hook-outbox") { db in
            // Hooks (issue 21) deliver from a durable outbox: an event is written in the same
            // transaction as what caused it, and each hook's cursor moves past it only after the
            // hook's command succeeded (at least once, never blocking or undoing a write).
            // `dedupe` keeps time-based events (an SLA breach, an acceptance ending) to one per cause.
            try db.execute(
                sql: """
                    CREATE TABLE hookOutbox (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        payload TEXT NOT NULL,
                        dedupe TEXT UNIQUE
                    );
                    CREATE TABLE hookCursor (
                        hook TEXT PRIMARY KEY,
                        lastEventId INTEGER NOT NULL DEFAULT 0,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        nextAttempt INTEGER NOT NULL DEFAULT 0,
                        lastError TEXT
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v25-filter-indexes") { db in
            try db.execute(sql: v25)
        }
        migrator.registerMigration("v26-due-summary") { db in
            try db.execute(sql: v26)
        }
        migrator.registerMigration("v27-taxonomy-summary") { db in
            try db.execute(sql: v27)
        }
        migrator.registerMigration("v28-path-dictionary") { db in
            try db.execute(sql: v28)
        }
        migrator.registerMigration("v29-path-trigrams") { db in
            try db.execute(sql: v29)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE model (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            owner TEXT,
            criticality REAL NOT NULL DEFAULT 1.0,
            stage TEXT CHECK (stage IN ('design', 'develop', 'deploy', 'monitor')),
            source TEXT NOT NULL,
            uri TEXT,
            sha256 TEXT,
            firstSeen INTEGER NOT NULL,
            lastSeen INTEGER NOT NULL,
            UNIQUE (name, version)
        );

        CREATE TABLE scan (
            id INTEGER PRIMARY KEY,
            tool TEXT NOT NULL,
            toolVersion TEXT,
            format TEXT NOT NULL,
            sourcePath TEXT NOT NULL,
            sha256 BLOB NOT NULL UNIQUE,
            scope TEXT NOT NULL DEFAULT '',
            findingCount INTEGER NOT NULL DEFAULT 0,
            newCount INTEGER NOT NULL DEFAULT 0,
            unchangedCount INTEGER NOT NULL DEFAULT 0,
            reopenedCount INTEGER NOT NULL DEFAULT 0,
            closedCount INTEGER NOT NULL DEFAULT 0,
            ingestedAt INTEGER NOT NULL,
            actor TEXT NOT NULL
        );

        CREATE TABLE rule (
            id INTEGER PRIMARY KEY,
            tool TEXT NOT NULL,
            ruleId TEXT NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (tool, ruleId)
        );

        CREATE TABLE finding (
            id INTEGER PRIMARY KEY,
            fingerprint BLOB NOT NULL UNIQUE,
            ruleRef INTEGER NOT NULL REFERENCES rule(id),
            message TEXT NOT NULL,
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 4),
            score REAL,
            threat INTEGER NOT NULL,
            taxonomy TEXT NOT NULL DEFAULT '',
            modelId INTEGER REFERENCES model(id),
            artifact TEXT,
            path TEXT,
            line INTEGER,
            endLine INTEGER,
            firstSeen INTEGER NOT NULL,
            lastSeen INTEGER NOT NULL,
            lastScanId INTEGER NOT NULL REFERENCES scan(id),
            state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 6),
            justification TEXT,
            assignee TEXT,
            slaDue INTEGER,
            acceptedUntil INTEGER,
            acceptedBy TEXT,
            acceptReason TEXT,
            duplicateOf INTEGER REFERENCES finding(id),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX finding_by_severity ON finding (severity DESC, id DESC);
        CREATE INDEX finding_by_cell ON finding (threat, severity DESC, id DESC);
        CREATE INDEX finding_by_model ON finding (modelId) WHERE modelId IS NOT NULL;

        -- Evidence is kept beside the hot rows so pages and summaries never read it.
        CREATE TABLE findingEvidence (
            findingId INTEGER PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE,
            evidence TEXT NOT NULL
        );

        -- The audit trail: append-only.
        CREATE TABLE findingEvent (
            id INTEGER PRIMARY KEY,
            findingId INTEGER NOT NULL REFERENCES finding(id),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            fromValue TEXT,
            toValue TEXT,
            reason TEXT,
            scanId INTEGER REFERENCES scan(id)
        );
        CREATE INDEX findingEvent_by_finding ON findingEvent (findingId, id);
        CREATE TRIGGER findingEvent_no_update BEFORE UPDATE ON findingEvent
        BEGIN SELECT RAISE(ABORT, 'findingEvent is append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER findingEvent_no_delete BEFORE DELETE ON findingEvent
        BEGIN SELECT RAISE(ABORT, 'findingEvent is append-only: DELETE is not allowed'); END;

        -- The matrix summary, kept by triggers in the same transaction as every write to finding.
        CREATE TABLE matrixCell (
            threat INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (threat, severity, state)
        ) WITHOUT ROWID;
        CREATE TRIGGER matrixCell_insert AFTER INSERT ON finding
        BEGIN
            INSERT INTO matrixCell (threat, severity, state, count) VALUES (NEW.threat, NEW.severity, NEW.state, 1)
            ON CONFLICT DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER matrixCell_update AFTER UPDATE OF threat, severity, state ON finding
        WHEN OLD.threat IS NOT NEW.threat OR OLD.severity IS NOT NEW.severity OR OLD.state IS NOT NEW.state
        BEGIN
            UPDATE matrixCell SET count = count - 1
            WHERE threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
            INSERT INTO matrixCell (threat, severity, state, count) VALUES (NEW.threat, NEW.severity, NEW.state, 1)
            ON CONFLICT DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER matrixCell_delete AFTER DELETE ON finding
        BEGIN
            UPDATE matrixCell SET count = count - 1
            WHERE threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
        END;
        """

    /// Reimport scopes: what a newer report of the same tool and category replaces.
    private static let v2 = """
        CREATE TABLE scope (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE
        );
        ALTER TABLE finding ADD COLUMN scopeId INTEGER REFERENCES scope(id);
        CREATE INDEX finding_by_scope ON finding (scopeId, lastScanId) WHERE scopeId IS NOT NULL;
        """

    /// The matrix summary gains the model, so per-model risk and the lifecycle pivot are read from
    /// summaries too; daily per-model snapshots feed the trend sparklines; the model index covers
    /// state and SLA due date so SLA breaches per model are an index-only count.
    private static let v7 = """
        DROP TRIGGER matrixCell_insert;
        DROP TRIGGER matrixCell_update;
        DROP TRIGGER matrixCell_delete;
        DROP TABLE matrixCell;
        CREATE TABLE summaryCell (
            modelId INTEGER NOT NULL,
            threat INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (modelId, threat, severity, state)
        ) WITHOUT ROWID;
        INSERT INTO summaryCell (modelId, threat, severity, state, count)
        SELECT coalesce(modelId, 0), threat, severity, state, count(*) FROM finding GROUP BY 1, 2, 3, 4;
        CREATE TRIGGER summaryCell_insert AFTER INSERT ON finding
        BEGIN
            INSERT INTO summaryCell (modelId, threat, severity, state, count)
            VALUES (coalesce(NEW.modelId, 0), NEW.threat, NEW.severity, NEW.state, 1)
            ON CONFLICT DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER summaryCell_update AFTER UPDATE OF modelId, threat, severity, state ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.threat IS NOT NEW.threat OR OLD.severity IS NOT NEW.severity
             OR OLD.state IS NOT NEW.state
        BEGIN
            UPDATE summaryCell SET count = count - 1
            WHERE modelId = coalesce(OLD.modelId, 0) AND threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
            INSERT INTO summaryCell (modelId, threat, severity, state, count)
            VALUES (coalesce(NEW.modelId, 0), NEW.threat, NEW.severity, NEW.state, 1)
            ON CONFLICT DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER summaryCell_delete AFTER DELETE ON finding
        BEGIN
            UPDATE summaryCell SET count = count - 1
            WHERE modelId = coalesce(OLD.modelId, 0) AND threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
        END;

        CREATE TABLE modelSnapshot (
            modelId INTEGER NOT NULL,
            day INTEGER NOT NULL,
            score REAL NOT NULL,
            open INTEGER NOT NULL,
            PRIMARY KEY (modelId, day)
        ) WITHOUT ROWID;

        DROP INDEX finding_by_model;
        CREATE INDEX finding_by_model ON finding (modelId, state, slaDue) WHERE modelId IS NOT NULL;
        """

    /// Findings may carry an attack-success rate (garak, promptfoo) that scales their weight in a
    /// model's risk; the summary keeps the sum of those factors beside the count. Model aliases
    /// record every other name or hash a model was seen under, and why they are one model.
    private static let v8 = """
        ALTER TABLE finding ADD COLUMN asr REAL CHECK (asr IS NULL OR (asr >= 0 AND asr <= 1));
        ALTER TABLE summaryCell ADD COLUMN weight REAL NOT NULL DEFAULT 0;
        UPDATE summaryCell SET weight = count;
        DROP TRIGGER summaryCell_insert;
        DROP TRIGGER summaryCell_update;
        DROP TRIGGER summaryCell_delete;
        CREATE TRIGGER summaryCell_insert AFTER INSERT ON finding
        BEGIN
            INSERT INTO summaryCell (modelId, threat, severity, state, count, weight)
            VALUES (coalesce(NEW.modelId, 0), NEW.threat, NEW.severity, NEW.state, 1, coalesce(NEW.asr, 1))
            ON CONFLICT DO UPDATE SET count = count + 1, weight = weight + excluded.weight;
        END;
        CREATE TRIGGER summaryCell_update AFTER UPDATE OF modelId, threat, severity, state, asr ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.threat IS NOT NEW.threat OR OLD.severity IS NOT NEW.severity
             OR OLD.state IS NOT NEW.state OR OLD.asr IS NOT NEW.asr
        BEGIN
            UPDATE summaryCell SET count = count - 1, weight = weight - coalesce(OLD.asr, 1)
            WHERE modelId = coalesce(OLD.modelId, 0) AND threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
            INSERT INTO summaryCell (modelId, threat, severity, state, count, weight)
            VALUES (coalesce(NEW.modelId, 0), NEW.threat, NEW.severity, NEW.state, 1, coalesce(NEW.asr, 1))
            ON CONFLICT DO UPDATE SET count = count + 1, weight = weight + excluded.weight;
        END;
        CREATE TRIGGER summaryCell_delete AFTER DELETE ON finding
        BEGIN
            UPDATE summaryCell SET count = count - 1, weight = weight - coalesce(OLD.asr, 1)
            WHERE modelId = coalesce(OLD.modelId, 0) AND threat = OLD.threat AND severity = OLD.severity AND state = OLD.state;
        END;

        CREATE TABLE modelAlias (
            name TEXT PRIMARY KEY,
            modelId INTEGER NOT NULL REFERENCES model(id),
            reason TEXT NOT NULL,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX modelAlias_by_model ON modelAlias (modelId);
        """

    /// Smaller rows, for the ingest rate and the size targets of DESIGN.md §9 (bytes per finding
    /// 505 → under 300 at 1M findings):
    /// - messages are kept once in `message` (tools repeat the same text thousands of times) and
    ///   found again by a 64-bit hash (`TextHash`), not by an index on the text;
    /// - `artifact` is '' when it is the same as `path` (SARIF gives one URI for both);
    /// - the severity and cell indexes are ascending (SQLite walks them backwards for "most
    ///   severe first"): new ids then land at the right end of each range instead of the left,
    ///   where every page split left half-empty pages;
    /// - a finding's creation is its row (`firstSeen`, `firstScanId`), not an event row: history
    ///   shows it from there (`FindingStore.events`).
    private static let v10 = """
        CREATE TABLE message (
            id INTEGER PRIMARY KEY,
            hash INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX message_by_hash ON message (hash);
        INSERT INTO message (hash, text) SELECT mlsoc_text_hash(message), message FROM finding GROUP BY message;
        CREATE INDEX message_migration ON message (text);
        ALTER TABLE finding ADD COLUMN messageId INTEGER REFERENCES message(id);
        ALTER TABLE finding ADD COLUMN firstScanId INTEGER REFERENCES scan(id);
        UPDATE finding SET
            messageId = (SELECT id FROM message WHERE text = finding.message),
            artifact = CASE WHEN artifact = path THEN '' ELSE artifact END,
            firstScanId = coalesce((SELECT scanId FROM findingEvent e WHERE e.findingId = finding.id AND e.kind = 'created'
                                    ORDER BY e.id LIMIT 1), lastScanId);
        DROP INDEX message_migration;
        ALTER TABLE finding DROP COLUMN message;
        DROP INDEX finding_by_severity;
        CREATE INDEX finding_by_severity ON finding (severity, id);
        DROP INDEX finding_by_cell;
        CREATE INDEX finding_by_cell ON finding (threat, severity, id);
        """

    /// The ingest adds each report's findings to the summary itself, once per cell at the end of
    /// the report (`IngestSink`), instead of a trigger per inserted row: the trigger made every
    /// INSERT a multi-row statement with a statement journal, a fifth of the raw insert time. The
    /// update and delete triggers stay, as upserts: a cell a report has not flushed yet may be
    /// decremented first and go below zero until the flush, never lose the change.
    private static let v11 = """
        DROP TRIGGER summaryCell_insert;
        DROP TRIGGER summaryCell_update;
        DROP TRIGGER summaryCell_delete;
        CREATE TRIGGER summaryCell_update AFTER UPDATE OF modelId, threat, severity, state, asr ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.threat IS NOT NEW.threat OR OLD.severity IS NOT NEW.severity
             OR OLD.state IS NOT NEW.state OR OLD.asr IS NOT NEW.asr
        BEGIN
            INSERT INTO summaryCell (modelId, threat, severity, state, count, weight)
            VALUES (coalesce(OLD.modelId, 0), OLD.threat, OLD.severity, OLD.state, -1, -coalesce(OLD.asr, 1))
            ON CONFLICT DO UPDATE SET count = count + excluded.count, weight = weight + excluded.weight;
            INSERT INTO summaryCell (modelId, threat, severity, state, count, weight)
            VALUES (coalesce(NEW.modelId, 0), NEW.threat, NEW.severity, NEW.state, 1, coalesce(NEW.asr, 1))
            ON CONFLICT DO UPDATE SET count = count + excluded.count, weight = weight + excluded.weight;
        END;
        CREATE TRIGGER summaryCell_delete AFTER DELETE ON finding
        BEGIN
            INSERT INTO summaryCell (modelId, threat, severity, state, count, weight)
            VALUES (coalesce(OLD.modelId, 0), OLD.threat, OLD.severity, OLD.state, -1, -coalesce(OLD.asr, 1))
            ON CONFLICT DO UPDATE SET count = count + excluded.count, weight = weight + excluded.weight;
        END;
        -- The "due" order (SLA due date, none last) as a keyset walk: 0.4–0.7 s at 1M findings without it.
        CREATE INDEX finding_by_due ON finding (coalesce(slaDue, 9223372036854775807), id);
        """

    /// The per-model table's counts: one row per model and triage state, with the count and the
    /// risk weight of each severity in its own column (c0…c4, w0…w4 by `Severity` raw value). Kept
    /// like summaryCell: by the ingest for new rows (once per model and state at the end of each
    /// report) and by triggers on UPDATE and DELETE of `finding`, as upserts. The Models view and
    /// the daily snapshots read ~one row per model instead of grouping the ~4k cells of the matrix
    /// summary with a temporary B-tree (3 ms at 1M findings and 200 models, which put the per-model
    /// table over its 5 ms target).
    private static var v12: String {
        """
        CREATE TABLE modelSummary (
            modelId INTEGER NOT NULL,
            state INTEGER NOT NULL,
            c0 INTEGER NOT NULL DEFAULT 0, c1 INTEGER NOT NULL DEFAULT 0, c2 INTEGER NOT NULL DEFAULT 0,
            c3 INTEGER NOT NULL DEFAULT 0, c4 INTEGER NOT NULL DEFAULT 0,
            w0 REAL NOT NULL DEFAULT 0, w1 REAL NOT NULL DEFAULT 0, w2 REAL NOT NULL DEFAULT 0,
            w3 REAL NOT NULL DEFAULT 0, w4 REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (modelId, state)
        ) WITHOUT ROWID;
        INSERT INTO modelSummary (modelId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
        SELECT modelId, state, sum((severity = 0) * count), sum((severity = 1) * count), sum((severity = 2) * count),
               sum((severity = 3) * count), sum((severity = 4) * count), sum((severity = 0) * weight),
               sum((severity = 1) * weight), sum((severity = 2) * weight), sum((severity = 3) * weight),
               sum((severity = 4) * weight)
        FROM summaryCell GROUP BY 1, 2;
        CREATE TRIGGER modelSummary_update AFTER UPDATE OF modelId, severity, state, asr ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.severity IS NOT NEW.severity OR OLD.state IS NOT NEW.state
             OR OLD.asr IS NOT NEW.asr
        BEGIN
            \(addToModelSummary("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)"))
            \(addToModelSummary("NEW", count: "1", weight: "coalesce(NEW.asr, 1)"))
        END;
        CREATE TRIGGER modelSummary_delete AFTER DELETE ON finding
        BEGIN \(addToModelSummary("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)")) END;
        """
    }

    /// v12's upsert: adds `count` and `weight` to the modelSummary row of the finding `row` (NEW or
    /// OLD), in the columns of its severity. Part of a migration: never change its output.
    private static func addToModelSummary(_ row: String, count: String, weight: String) -> String {
        let severities = 0...4  // Severity's raw values, info…critical: the columns c0…c4 and w0…w4
        let counts = severities.map { "(\(row).severity = \($0)) * (\(count))" }.joined(separator: ", ")
        let weights = severities.map { "(\(row).severity = \($0)) * (\(weight))" }.joined(separator: ", ")
        let updates = severities.map { "c\($0) = c\($0) + excluded.c\($0), w\($0) = w\($0) + excluded.w\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO modelSummary (modelId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
            VALUES (coalesce(\(row).modelId, 0), \(row).state, \(counts), \(weights))
            ON CONFLICT DO UPDATE SET \(updates);
            """
    }

    /// Scan errors and tool notifications, kept apart from findings: a model that could not be
    /// scanned must never look clean.
    private static let v3 = """
        CREATE TABLE scanWarning (
            id INTEGER PRIMARY KEY,
            scanId INTEGER NOT NULL REFERENCES scan(id),
            message TEXT NOT NULL
        );
        CREATE INDEX scanWarning_by_scan ON scanWarning (scanId);
        """
}
