extension Schema {
    /// v13: projects and scan coverage (issue 15, DESIGN.md §3 and §8).
    /// - `project`: what a team owns and scans; `default` (id 1) holds every scan of an older store.
    /// - `scan` is rebuilt: the same bytes about another project or subject are another scan, so the
    ///   content hash alone is no longer unique (`scan_identity` is hash + project + subject); each
    ///   scan keeps its project and a one-line coverage summary, and `scanCoverage` the roots, files
    ///   and targets it looked at.
    /// - `scope` (reimport) and `finding` carry the project; the summaries are kept per project so
    ///   every view can be scoped to one, as k9s scopes to a namespace.
    /// - `model` is rebuilt: a name is unique per project (0: the registry's, for every project).
    static var v13: String {
        """
        CREATE TABLE project (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            owner TEXT,
            criticality REAL,
            repository TEXT,
            source TEXT NOT NULL DEFAULT 'ingest',
            firstSeen INTEGER NOT NULL DEFAULT 0,
            lastSeen INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO project (id, name, source, firstSeen, lastSeen)
        VALUES (1, 'default', 'mlsoc', coalesce((SELECT min(ingestedAt) FROM scan), 0), coalesce((SELECT max(ingestedAt) FROM scan), 0));

        CREATE TABLE scan_v13 (
            id INTEGER PRIMARY KEY,
            tool TEXT NOT NULL,
            toolVersion TEXT,
            format TEXT NOT NULL,
            sourcePath TEXT NOT NULL,
            sha256 BLOB NOT NULL,
            scope TEXT NOT NULL DEFAULT '',
            findingCount INTEGER NOT NULL DEFAULT 0,
            newCount INTEGER NOT NULL DEFAULT 0,
            unchangedCount INTEGER NOT NULL DEFAULT 0,
            reopenedCount INTEGER NOT NULL DEFAULT 0,
            closedCount INTEGER NOT NULL DEFAULT 0,
            ingestedAt INTEGER NOT NULL,
            actor TEXT NOT NULL,
            projectId INTEGER NOT NULL DEFAULT 1 REFERENCES project(id),
            subject TEXT NOT NULL DEFAULT '',
            coverage TEXT
        );
        INSERT INTO scan_v13 (id, tool, toolVersion, format, sourcePath, sha256, scope, findingCount, newCount, unchangedCount,
                              reopenedCount, closedCount, ingestedAt, actor, projectId, subject, coverage)
        SELECT id, tool, toolVersion, format, sourcePath, sha256, scope, findingCount, newCount, unchangedCount,
               reopenedCount, closedCount, ingestedAt, actor, 1, '', NULL FROM scan;
        DROP TABLE scan;
        ALTER TABLE scan_v13 RENAME TO scan;
        CREATE UNIQUE INDEX scan_identity ON scan (sha256, projectId, subject);

        CREATE TABLE scanCoverage (
            scanId INTEGER NOT NULL REFERENCES scan(id),
            kind TEXT NOT NULL CHECK (kind IN ('root', 'file', 'target')),
            value TEXT NOT NULL,
            PRIMARY KEY (scanId, kind, value)
        ) WITHOUT ROWID;

        ALTER TABLE scope ADD COLUMN projectId INTEGER NOT NULL DEFAULT 1;
        UPDATE scope SET key = 'project=1;' || key;
        ALTER TABLE finding ADD COLUMN projectId INTEGER NOT NULL DEFAULT 1;

        CREATE TABLE model_v13 (
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
            kind TEXT NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'dataset')),
            modelCard TEXT,
            projectId INTEGER NOT NULL DEFAULT 0,
            UNIQUE (projectId, name, version)
        );
        INSERT INTO model_v13 (id, name, version, owner, criticality, stage, source, uri, sha256, firstSeen, lastSeen, kind,
                               modelCard, projectId)
        SELECT id, name, version, owner, criticality, stage, source, uri, sha256, firstSeen, lastSeen, kind, modelCard,
               CASE source WHEN 'attribution' THEN 1 ELSE 0 END FROM model;
        DROP TABLE model;
        ALTER TABLE model_v13 RENAME TO model;
        CREATE INDEX model_by_name ON model (name);

        DROP TRIGGER summaryCell_update;
        DROP TRIGGER summaryCell_delete;
        CREATE TABLE summaryCell_v13 (
            modelId INTEGER NOT NULL,
            projectId INTEGER NOT NULL,
            threat INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            weight REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (modelId, projectId, threat, severity, state)
        ) WITHOUT ROWID;
        INSERT INTO summaryCell_v13 (modelId, projectId, threat, severity, state, count, weight)
        SELECT modelId, 1, threat, severity, state, count, weight FROM summaryCell;
        DROP TABLE summaryCell;
        ALTER TABLE summaryCell_v13 RENAME TO summaryCell;
        CREATE TRIGGER summaryCell_update AFTER UPDATE OF modelId, projectId, threat, severity, state, asr ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.projectId IS NOT NEW.projectId OR OLD.threat IS NOT NEW.threat
             OR OLD.severity IS NOT NEW.severity OR OLD.state IS NOT NEW.state OR OLD.asr IS NOT NEW.asr
        BEGIN
            \(addToSummaryCell("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)"))
            \(addToSummaryCell("NEW", count: "1", weight: "coalesce(NEW.asr, 1)"))
        END;
        CREATE TRIGGER summaryCell_delete AFTER DELETE ON finding
        BEGIN \(addToSummaryCell("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)")) END;

        DROP TRIGGER modelSummary_update;
        DROP TRIGGER modelSummary_delete;
        CREATE TABLE modelSummary_v13 (
            modelId INTEGER NOT NULL,
            projectId INTEGER NOT NULL,
            state INTEGER NOT NULL,
            c0 INTEGER NOT NULL DEFAULT 0, c1 INTEGER NOT NULL DEFAULT 0, c2 INTEGER NOT NULL DEFAULT 0,
            c3 INTEGER NOT NULL DEFAULT 0, c4 INTEGER NOT NULL DEFAULT 0,
            w0 REAL NOT NULL DEFAULT 0, w1 REAL NOT NULL DEFAULT 0, w2 REAL NOT NULL DEFAULT 0,
            w3 REAL NOT NULL DEFAULT 0, w4 REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (modelId, projectId, state)
        ) WITHOUT ROWID;
        INSERT INTO modelSummary_v13 (modelId, projectId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
        SELECT modelId, 1, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4 FROM modelSummary;
        DROP TABLE modelSummary;
        ALTER TABLE modelSummary_v13 RENAME TO modelSummary;
        CREATE TRIGGER modelSummary_update AFTER UPDATE OF modelId, projectId, severity, state, asr ON finding
        WHEN OLD.modelId IS NOT NEW.modelId OR OLD.projectId IS NOT NEW.projectId OR OLD.severity IS NOT NEW.severity
             OR OLD.state IS NOT NEW.state OR OLD.asr IS NOT NEW.asr
        BEGIN
            \(addToModelSummaryV13("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)"))
            \(addToModelSummaryV13("NEW", count: "1", weight: "coalesce(NEW.asr, 1)"))
        END;
        CREATE TRIGGER modelSummary_delete AFTER DELETE ON finding
        BEGIN \(addToModelSummaryV13("OLD", count: "-1", weight: "-coalesce(OLD.asr, 1)")) END;
        """
    }

    /// v13's summaryCell upsert for the finding `row` (NEW or OLD). Part of a migration: never change its output.
    private static func addToSummaryCell(_ row: String, count: String, weight: String) -> String {
        """
        INSERT INTO summaryCell (modelId, projectId, threat, severity, state, count, weight)
        VALUES (coalesce(\(row).modelId, 0), \(row).projectId, \(row).threat, \(row).severity, \(row).state, \(count), \(weight))
        ON CONFLICT DO UPDATE SET count = count + excluded.count, weight = weight + excluded.weight;
        """
    }

    /// v13's modelSummary upsert (v12's, per project). Part of a migration: never change its output.
    private static func addToModelSummaryV13(_ row: String, count: String, weight: String) -> String {
        let severities = 0...4  // Severity's raw values, info…critical: the columns c0…c4 and w0…w4
        let counts = severities.map { "(\(row).severity = \($0)) * (\(count))" }.joined(separator: ", ")
        let weights = severities.map { "(\(row).severity = \($0)) * (\(weight))" }.joined(separator: ", ")
        let updates = severities.map { "c\($0) = c\($0) + excluded.c\($0), w\($0) = w\($0) + excluded.w\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO modelSummary (modelId, projectId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
            VALUES (coalesce(\(row).modelId, 0), \(row).projectId, \(row).state, \(counts), \(weights))
            ON CONFLICT DO UPDATE SET \(updates);
            """
    }
}

extension Schema {
    /// v20: the finding groups' counts (issue 20). One row per rule and message, model, project,
    /// cell, severity and state, kept like summaryCell: by the ingest once per key at the end of
    /// each report, by triggers on UPDATE and DELETE of `finding`, as upserts. The Findings view's
    /// grouping by rule (tool + rule + message) and by model reads it instead of grouping the rows:
    /// at 1M findings a few thousand summary rows against a million. A group's findings are read by
    /// the severity walk with the group as a condition: an index on rule and message found small
    /// groups at once but cost 30 bytes per finding (316 against the 300 of DESIGN.md §9).
    static var v20: String {
        """
        CREATE TABLE groupSummary (
            ruleRef INTEGER NOT NULL,
            messageId INTEGER NOT NULL,
            modelId INTEGER NOT NULL,
            projectId INTEGER NOT NULL,
            threat INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (ruleRef, messageId, modelId, projectId, threat, severity, state)
        ) WITHOUT ROWID;
        INSERT INTO groupSummary (ruleRef, messageId, modelId, projectId, threat, severity, state, count)
        SELECT ruleRef, coalesce(messageId, 0), coalesce(modelId, 0), projectId, threat, severity, state, count(*)
        FROM finding GROUP BY 1, 2, 3, 4, 5, 6, 7;
        CREATE TRIGGER groupSummary_update AFTER UPDATE OF ruleRef, messageId, modelId, projectId, threat, severity, state ON finding
        WHEN OLD.ruleRef IS NOT NEW.ruleRef OR OLD.messageId IS NOT NEW.messageId OR OLD.modelId IS NOT NEW.modelId
             OR OLD.projectId IS NOT NEW.projectId OR OLD.threat IS NOT NEW.threat OR OLD.severity IS NOT NEW.severity
             OR OLD.state IS NOT NEW.state
        BEGIN
            \(addToGroupSummary("OLD", count: "-1"))
            \(addToGroupSummary("NEW", count: "1"))
        END;
        CREATE TRIGGER groupSummary_delete AFTER DELETE ON finding
        BEGIN \(addToGroupSummary("OLD", count: "-1")) END;
        """
    }

    /// v20's groupSummary upsert for the finding `row` (NEW or OLD). Part of a migration: never change its output.
    private static func addToGroupSummary(_ row: String, count: String) -> String {
        """
        INSERT INTO groupSummary (ruleRef, messageId, modelId, projectId, threat, severity, state, count)
        VALUES (\(row).ruleRef, coalesce(\(row).messageId, 0), coalesce(\(row).modelId, 0), \(row).projectId, \(row).threat,
                \(row).severity, \(row).state, \(count))
        ON CONFLICT DO UPDATE SET count = count + excluded.count;
        """
    }
}

extension Schema {
    /// v23: assigned findings per model, project and state (issue 20: the Models and Projects views
    /// show unassigned open counts, the open count less the assigned). Only triage assigns, so only
    /// the UPDATE and DELETE triggers keep it: the ingest writes no assignee.
    static var v23: String {
        """
        CREATE TABLE assignedSummary (
            modelId INTEGER NOT NULL,
            projectId INTEGER NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (modelId, projectId, state)
        ) WITHOUT ROWID;
        INSERT INTO assignedSummary (modelId, projectId, state, count)
        SELECT coalesce(modelId, 0), projectId, state, count(*) FROM finding WHERE assignee IS NOT NULL GROUP BY 1, 2, 3;
        CREATE TRIGGER assignedSummary_update AFTER UPDATE OF assignee, modelId, projectId, state ON finding
        WHEN (OLD.assignee IS NOT NULL OR NEW.assignee IS NOT NULL)
             AND (OLD.assignee IS NOT NEW.assignee OR OLD.modelId IS NOT NEW.modelId OR OLD.projectId IS NOT NEW.projectId
                  OR OLD.state IS NOT NEW.state)
        BEGIN
            INSERT INTO assignedSummary (modelId, projectId, state, count)
            VALUES (coalesce(OLD.modelId, 0), OLD.projectId, OLD.state, -(OLD.assignee IS NOT NULL))
            ON CONFLICT DO UPDATE SET count = count + excluded.count;
            INSERT INTO assignedSummary (modelId, projectId, state, count)
            VALUES (coalesce(NEW.modelId, 0), NEW.projectId, NEW.state, NEW.assignee IS NOT NULL)
            ON CONFLICT DO UPDATE SET count = count + excluded.count;
        END;
        CREATE TRIGGER assignedSummary_delete AFTER DELETE ON finding WHEN OLD.assignee IS NOT NULL
        BEGIN
            INSERT INTO assignedSummary (modelId, projectId, state, count) VALUES (coalesce(OLD.modelId, 0), OLD.projectId, OLD.state, -1)
            ON CONFLICT DO UPDATE SET count = count + excluded.count;
        END;
        """
    }
}
