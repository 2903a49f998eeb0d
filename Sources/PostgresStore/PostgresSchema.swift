/// The PostgreSQL schema, versioned together with the SQLite one: each PostgreSQL migration carries
/// the identifier of the SQLite migration whose schema it brings the server to, and a test holds the
/// last of each equal (a SQLite migration without its PostgreSQL twin fails the suite). A server
/// store starts at the SQLite schema of its day (v25) in one step; later changes add one migration
/// on each side.
///
/// The tables mirror SQLite's column for column, with the same unquoted names, so the same SQL text
/// reads both (PostgreSQL folds unquoted names to lower case): INTEGER is bigint, REAL double
/// precision, BLOB bytea, TEXT text with the "C" collation, so text sorts by code point as in SQLite
/// whatever the server's locale. Ids are identity columns that take the ids a copy brings.
///
/// Summaries: SQLite keeps them on UPDATE and DELETE by triggers and on INSERT in the ingest's own
/// transaction; PostgreSQL does the same with PL/pgSQL triggers (docs/DECISIONS.md "PostgreSQL
/// summaries by triggers"). The audit table is append-only twice: a trigger refuses UPDATE, DELETE
/// and TRUNCATE for every role, and the privileges are revoked.
public enum PostgresSchema {
    public struct Migration: Sendable {
        public let identifier: String
        /// The SQLite migration whose schema this one brings the server to (its own identifier,
        /// unless the migration changes only what the server does differently).
        public let schema: String
        public let sql: String

        init(identifier: String, schema: String? = nil, sql: String) {
            self.identifier = identifier
            self.schema = schema ?? identifier
            self.sql = sql
        }
    }

    /// The migrations in order.
    public static let migrations: [Migration] = [
        Migration(identifier: "v25-filter-indexes", sql: v25),
        Migration(identifier: "v25-server-sort-keys", schema: "v25-filter-indexes", sql: sortKeys),
        Migration(identifier: "v25-server-dictionary-checks", schema: "v25-filter-indexes", sql: dictionaryChecks),
        Migration(identifier: "v26-due-summary", sql: v26),
        Migration(identifier: "v27-taxonomy-summary", sql: v27),
    ]

    /// SQLite's v27 (`Schema.v27`): findings per taxonomy, rule and project, kept by a trigger on
    /// UPDATE and DELETE, and by the ingest on INSERT.
    static let v27 = """
        CREATE TABLE taxonomySummary (
            taxonomyId bigint NOT NULL,
            ruleRef bigint NOT NULL,
            projectId bigint NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (taxonomyId, ruleRef, projectId)
        );
        INSERT INTO taxonomySummary (taxonomyId, ruleRef, projectId, count)
        SELECT taxonomyId, ruleRef, projectId, count(*) FROM finding WHERE taxonomyId IS NOT NULL GROUP BY 1, 2, 3;
        CREATE FUNCTION mlsoc_taxonomy_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.ruleRef IS NOT DISTINCT FROM NEW.ruleRef AND OLD.taxonomyId IS NOT DISTINCT FROM NEW.taxonomyId
                AND OLD.projectId IS NOT DISTINCT FROM NEW.projectId THEN
                RETURN NULL;
            END IF;
            IF OLD.taxonomyId IS NOT NULL THEN
                INSERT INTO taxonomySummary AS s (taxonomyId, ruleRef, projectId, count) VALUES (OLD.taxonomyId, OLD.ruleRef, OLD.projectId, -1)
                ON CONFLICT (taxonomyId, ruleRef, projectId) DO UPDATE SET count = s.count + excluded.count;
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.taxonomyId IS NOT NULL THEN
                INSERT INTO taxonomySummary AS s (taxonomyId, ruleRef, projectId, count) VALUES (NEW.taxonomyId, NEW.ruleRef, NEW.projectId, 1)
                ON CONFLICT (taxonomyId, ruleRef, projectId) DO UPDATE SET count = s.count + excluded.count;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER finding_taxonomy_summary AFTER UPDATE OF ruleRef, taxonomyId, projectId OR DELETE ON finding
            FOR EACH ROW EXECUTE FUNCTION mlsoc_taxonomy_summary();
        """

    /// SQLite's v26 (`Schema.v26`): findings with a due key per project and stretch of 2^16
    /// seconds, kept by a trigger on UPDATE and DELETE as the other summaries are, and by the
    /// ingest on INSERT.
    static let v26 = """
        CREATE TABLE dueSummary (
            projectId bigint NOT NULL,
            stretch bigint NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (projectId, stretch)
        );
        INSERT INTO dueSummary (projectId, stretch, count)
        SELECT projectId, slaDue >> 16, count(*) FROM finding WHERE state IN (0, 1, 2, 6) AND slaDue IS NOT NULL GROUP BY 1, 2;
        CREATE FUNCTION mlsoc_due_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state AND OLD.slaDue IS NOT DISTINCT FROM NEW.slaDue
                AND OLD.projectId IS NOT DISTINCT FROM NEW.projectId THEN
                RETURN NULL;
            END IF;
            IF OLD.state IN (0, 1, 2, 6) AND OLD.slaDue IS NOT NULL THEN
                INSERT INTO dueSummary AS s (projectId, stretch, count) VALUES (OLD.projectId, OLD.slaDue >> 16, -1)
                ON CONFLICT (projectId, stretch) DO UPDATE SET count = s.count + excluded.count;
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.state IN (0, 1, 2, 6) AND NEW.slaDue IS NOT NULL THEN
                INSERT INTO dueSummary AS s (projectId, stretch, count) VALUES (NEW.projectId, NEW.slaDue >> 16, 1)
                ON CONFLICT (projectId, stretch) DO UPDATE SET count = s.count + excluded.count;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER finding_due_summary AFTER UPDATE OF state, slaDue, projectId OR DELETE ON finding
            FOR EACH ROW EXECUTE FUNCTION mlsoc_due_summary();
        """

    /// A finding's references to the dictionaries (its rule, message, taxonomy, scope and scans)
    /// are not foreign keys on the server. Each foreign key is a trigger per inserted row, and these
    /// six were 70 % of an ingest's INSERT on the server (100k findings: 3.9 s with them, 1.6 s
    /// without, 1.1 s with no foreign key at all). Only ingest writes these columns, in the same
    /// transaction that writes the dictionary rows, and no dictionary row is ever deleted. The
    /// references that can break stay checked: the model (models merge and are deleted), the
    /// duplicate, and every table that points at a finding. `mlsoc store copy` to SQLite checks
    /// every foreign key at the end (`PRAGMA foreign_key_check`).
    static let dictionaryChecks = """
        ALTER TABLE finding DROP CONSTRAINT IF EXISTS finding_ruleref_fkey, DROP CONSTRAINT IF EXISTS finding_messageid_fkey,
            DROP CONSTRAINT IF EXISTS finding_taxonomyid_fkey, DROP CONSTRAINT IF EXISTS finding_scopeid_fkey,
            DROP CONSTRAINT IF EXISTS finding_lastscanid_fkey, DROP CONSTRAINT IF EXISTS finding_firstscanid_fkey;
        """

    /// The page indexes end with `id`, as SQLite's end with the rowid: a page stream
    /// `WHERE threat = ? ORDER BY severity DESC, id DESC LIMIT n` is then one index range in order,
    /// where (threat, severity) alone made the server sort every finding of the threat (368 ms for
    /// the findings view's first page at 1M; SQLite 45 ms). Also the due sort's key.
    static let sortKeys = """
        DROP INDEX finding_by_cell;
        CREATE INDEX finding_by_cell ON finding (threat, severity, id);
        DROP INDEX finding_by_rule;
        CREATE INDEX finding_by_rule ON finding (ruleRef, severity, id);
        DROP INDEX finding_by_model_severity;
        CREATE INDEX finding_by_model_severity ON finding (modelId, severity, id) WHERE modelId IS NOT NULL;
        DROP INDEX finding_by_due;
        CREATE INDEX finding_by_due ON finding ((CASE WHEN state IN (0, 1, 2, 6) THEN coalesce(slaDue, 9223372036854775807)
            ELSE 9223372036854775807 END), id);
        """

    /// Every table a store holds, parents before children (the order a copy fills them in), with the
    /// columns of its primary key (the order a copy reads them in).
    public static let tables: [(name: String, key: [String])] = [
        ("project", ["id"]), ("rule", ["id"]), ("model", ["id"]), ("scan", ["id"]), ("scope", ["id"]), ("message", ["id"]),
        ("taxonomy", ["id"]), ("finding", ["id"]), ("findingEvidence", ["findingId"]), ("findingEvent", ["id"]),
        ("scanWarning", ["id"]), ("scanCoverage", ["scanId", "kind", "value"]), ("scanModel", ["scanId", "modelId"]),
        ("modelSnapshot", ["modelId", "day"]), ("modelAlias", ["name"]), ("storeSetting", ["key"]),
        ("findingLocation", ["findingId", "ordinal"]), ("summaryCell", ["modelId", "projectId", "threat", "severity", "state"]),
        ("modelSummary", ["modelId", "projectId", "state"]),
        ("groupSummary", ["ruleRef", "messageId", "modelId", "projectId", "threat", "severity", "state"]),
        ("assignedSummary", ["modelId", "projectId", "state"]), ("acceptanceProposal", ["id"]), ("findingTicket", ["findingId"]),
        ("hookOutbox", ["id"]), ("hookCursor", ["hook"]), ("dueSummary", ["projectId", "stretch"]),
        ("taxonomySummary", ["taxonomyId", "ruleRef", "projectId"]),
    ]

    /// What a read-only role (the wall dashboard's) is granted: SELECT on the store's tables, now and
    /// on tables later migrations add, and nothing else, so the server refuses its writes. `role`
    /// must be an identifier (checked by the caller).
    public static func readerGrants(role: String, database: String) -> [String] {
        [
            "GRANT CONNECT ON DATABASE \(database) TO \(role)",
            "GRANT USAGE ON SCHEMA public TO \(role)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO \(role)",
            "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM \(role)",
        ]
    }

    static let v25 = """
        CREATE TABLE project (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text COLLATE "C" NOT NULL UNIQUE,
            owner text COLLATE "C",
            criticality double precision,
            repository text COLLATE "C",
            source text COLLATE "C" NOT NULL DEFAULT 'ingest',
            firstSeen bigint NOT NULL DEFAULT 0,
            lastSeen bigint NOT NULL DEFAULT 0
        );
        INSERT INTO project (id, name, source, firstSeen, lastSeen) VALUES (1, 'default', 'mlsoc', 0, 0);
        SELECT setval(pg_get_serial_sequence('project', 'id'), 1);

        CREATE TABLE rule (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            tool text COLLATE "C" NOT NULL,
            ruleId text COLLATE "C" NOT NULL,
            title text COLLATE "C" NOT NULL,
            mapping text COLLATE "C",
            inputs text COLLATE "C",
            UNIQUE (tool, ruleId)
        );

        CREATE TABLE model (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text COLLATE "C" NOT NULL,
            version text COLLATE "C" NOT NULL DEFAULT '',
            owner text COLLATE "C",
            criticality double precision NOT NULL DEFAULT 1.0,
            stage text COLLATE "C" CHECK (stage IN ('design', 'develop', 'deploy', 'monitor')),
            source text COLLATE "C" NOT NULL,
            uri text COLLATE "C",
            sha256 text COLLATE "C",
            firstSeen bigint NOT NULL,
            lastSeen bigint NOT NULL,
            kind text COLLATE "C" NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'dataset')),
            modelCard text COLLATE "C",
            projectId bigint NOT NULL DEFAULT 0,
            UNIQUE (projectId, name, version)
        );
        CREATE INDEX model_by_name ON model (name);

        CREATE TABLE scan (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            tool text COLLATE "C" NOT NULL,
            toolVersion text COLLATE "C",
            format text COLLATE "C" NOT NULL,
            sourcePath text COLLATE "C" NOT NULL,
            sha256 bytea NOT NULL,
            scope text COLLATE "C" NOT NULL DEFAULT '',
            findingCount bigint NOT NULL DEFAULT 0,
            newCount bigint NOT NULL DEFAULT 0,
            unchangedCount bigint NOT NULL DEFAULT 0,
            reopenedCount bigint NOT NULL DEFAULT 0,
            closedCount bigint NOT NULL DEFAULT 0,
            ingestedAt bigint NOT NULL,
            actor text COLLATE "C" NOT NULL,
            projectId bigint NOT NULL DEFAULT 1 REFERENCES project(id) DEFERRABLE,
            subject text COLLATE "C" NOT NULL DEFAULT '',
            coverage text COLLATE "C",
            scopeModel text COLLATE "C"
        );
        CREATE UNIQUE INDEX scan_identity ON scan (sha256, projectId, subject);

        CREATE TABLE scope (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            key text COLLATE "C" NOT NULL UNIQUE,
            projectId bigint NOT NULL DEFAULT 1
        );

        CREATE TABLE message (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            hash bigint NOT NULL,
            text text COLLATE "C" NOT NULL
        );
        CREATE INDEX message_by_hash ON message (hash);

        CREATE TABLE taxonomy (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            text text COLLATE "C" NOT NULL UNIQUE
        );

        CREATE TABLE finding (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            fingerprint bytea NOT NULL UNIQUE,
            ruleRef bigint NOT NULL REFERENCES rule(id) DEFERRABLE,
            severity bigint NOT NULL CHECK (severity BETWEEN 0 AND 4),
            score double precision,
            threat bigint NOT NULL,
            modelId bigint REFERENCES model(id) DEFERRABLE,
            artifact text COLLATE "C",
            path text COLLATE "C",
            line bigint,
            endLine bigint,
            firstSeen bigint NOT NULL,
            lastSeen bigint NOT NULL,
            lastScanId bigint NOT NULL REFERENCES scan(id) DEFERRABLE,
            state bigint NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 6),
            justification text COLLATE "C",
            assignee text COLLATE "C",
            slaDue bigint,
            acceptedUntil bigint,
            acceptedBy text COLLATE "C",
            acceptReason text COLLATE "C",
            duplicateOf bigint REFERENCES finding(id) DEFERRABLE,
            version bigint NOT NULL DEFAULT 1,
            scopeId bigint REFERENCES scope(id) DEFERRABLE,
            asr double precision CHECK (asr IS NULL OR (asr >= 0 AND asr <= 1)),
            messageId bigint REFERENCES message(id) DEFERRABLE,
            firstScanId bigint REFERENCES scan(id) DEFERRABLE,
            projectId bigint NOT NULL DEFAULT 1,
            otherLocations bigint NOT NULL DEFAULT 0,
            taxonomyId bigint REFERENCES taxonomy(id) DEFERRABLE
        );
        CREATE INDEX finding_by_scope ON finding (scopeId, lastScanId) WHERE scopeId IS NOT NULL;
        CREATE INDEX finding_by_model ON finding (modelId, state, slaDue) WHERE modelId IS NOT NULL;
        CREATE INDEX finding_accepted ON finding (acceptedUntil) WHERE state = 6;
        CREATE INDEX finding_by_cell ON finding (threat, severity);
        CREATE INDEX finding_by_due ON finding ((CASE WHEN state IN (0, 1, 2, 6) THEN coalesce(slaDue, 9223372036854775807)
            ELSE 9223372036854775807 END));
        CREATE INDEX finding_by_rule ON finding (ruleRef, severity);
        CREATE INDEX finding_by_model_severity ON finding (modelId, severity) WHERE modelId IS NOT NULL;

        CREATE TABLE findingEvidence (
            findingId bigint PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE DEFERRABLE,
            evidence text COLLATE "C" NOT NULL
        );

        CREATE TABLE findingEvent (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            findingId bigint NOT NULL REFERENCES finding(id) DEFERRABLE,
            at bigint NOT NULL,
            actor text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            fromValue text COLLATE "C",
            toValue text COLLATE "C",
            reason text COLLATE "C",
            scanId bigint REFERENCES scan(id) DEFERRABLE,
            previous text COLLATE "C"
        );
        CREATE INDEX findingEvent_by_finding ON findingEvent (findingId, id);
        CREATE FUNCTION mlsoc_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'findingEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER findingEvent_no_update BEFORE UPDATE OR DELETE ON findingEvent
            FOR EACH ROW EXECUTE FUNCTION mlsoc_append_only();
        CREATE TRIGGER findingEvent_no_truncate BEFORE TRUNCATE ON findingEvent
            FOR EACH STATEMENT EXECUTE FUNCTION mlsoc_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON findingEvent FROM PUBLIC;

        CREATE TABLE scanWarning (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            scanId bigint NOT NULL REFERENCES scan(id) DEFERRABLE,
            message text COLLATE "C" NOT NULL
        );
        CREATE INDEX scanWarning_by_scan ON scanWarning (scanId);

        CREATE TABLE scanCoverage (
            scanId bigint NOT NULL REFERENCES scan(id) DEFERRABLE,
            kind text COLLATE "C" NOT NULL CHECK (kind IN ('root', 'file', 'target')),
            value text COLLATE "C" NOT NULL,
            PRIMARY KEY (scanId, kind, value)
        );

        CREATE TABLE scanModel (
            scanId bigint NOT NULL REFERENCES scan(id) DEFERRABLE,
            modelId bigint NOT NULL REFERENCES model(id) DEFERRABLE,
            PRIMARY KEY (scanId, modelId)
        );

        CREATE TABLE modelSnapshot (
            modelId bigint NOT NULL,
            day bigint NOT NULL,
            score double precision NOT NULL,
            open bigint NOT NULL,
            PRIMARY KEY (modelId, day)
        );

        CREATE TABLE modelAlias (
            name text COLLATE "C" PRIMARY KEY,
            modelId bigint NOT NULL REFERENCES model(id) DEFERRABLE,
            reason text COLLATE "C" NOT NULL,
            at bigint NOT NULL
        );
        CREATE INDEX modelAlias_by_model ON modelAlias (modelId);

        CREATE TABLE storeSetting (key text COLLATE "C" PRIMARY KEY, value text COLLATE "C" NOT NULL);

        CREATE TABLE findingLocation (
            findingId bigint NOT NULL REFERENCES finding(id) DEFERRABLE,
            ordinal bigint NOT NULL,
            path text COLLATE "C" NOT NULL,
            line bigint,
            endLine bigint,
            modelId bigint REFERENCES model(id) DEFERRABLE,
            PRIMARY KEY (findingId, ordinal)
        );
        CREATE INDEX findingLocation_by_path ON findingLocation (path);
        CREATE INDEX findingLocation_by_model ON findingLocation (modelId) WHERE modelId IS NOT NULL;

        CREATE TABLE summaryCell (
            modelId bigint NOT NULL,
            projectId bigint NOT NULL,
            threat bigint NOT NULL,
            severity bigint NOT NULL,
            state bigint NOT NULL,
            count bigint NOT NULL,
            weight double precision NOT NULL DEFAULT 0,
            PRIMARY KEY (modelId, projectId, threat, severity, state)
        );

        CREATE TABLE modelSummary (
            modelId bigint NOT NULL,
            projectId bigint NOT NULL,
            state bigint NOT NULL,
            c0 bigint NOT NULL DEFAULT 0, c1 bigint NOT NULL DEFAULT 0, c2 bigint NOT NULL DEFAULT 0,
            c3 bigint NOT NULL DEFAULT 0, c4 bigint NOT NULL DEFAULT 0,
            w0 double precision NOT NULL DEFAULT 0, w1 double precision NOT NULL DEFAULT 0, w2 double precision NOT NULL DEFAULT 0,
            w3 double precision NOT NULL DEFAULT 0, w4 double precision NOT NULL DEFAULT 0,
            PRIMARY KEY (modelId, projectId, state)
        );

        CREATE TABLE groupSummary (
            ruleRef bigint NOT NULL,
            messageId bigint NOT NULL,
            modelId bigint NOT NULL,
            projectId bigint NOT NULL,
            threat bigint NOT NULL,
            severity bigint NOT NULL,
            state bigint NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (ruleRef, messageId, modelId, projectId, threat, severity, state)
        );

        CREATE TABLE assignedSummary (
            modelId bigint NOT NULL,
            projectId bigint NOT NULL,
            state bigint NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (modelId, projectId, state)
        );

        CREATE TABLE acceptanceProposal (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            findingId bigint NOT NULL REFERENCES finding(id) DEFERRABLE,
            proposedBy text COLLATE "C" NOT NULL,
            proposedAt bigint NOT NULL,
            reason text COLLATE "C" NOT NULL,
            until bigint NOT NULL,
            status text COLLATE "C" NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
            decidedBy text COLLATE "C",
            decidedAt bigint,
            decision text COLLATE "C"
        );
        CREATE INDEX acceptanceProposal_by_finding ON acceptanceProposal (findingId, id);
        CREATE UNIQUE INDEX acceptanceProposal_pending ON acceptanceProposal (findingId) WHERE status = 'proposed';

        CREATE TABLE findingTicket (
            findingId bigint PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE DEFERRABLE,
            ticket text COLLATE "C" NOT NULL
        );
        CREATE INDEX findingTicket_by_ticket ON findingTicket (ticket);

        CREATE TABLE hookOutbox (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind text COLLATE "C" NOT NULL,
            at bigint NOT NULL,
            payload text COLLATE "C" NOT NULL,
            dedupe text COLLATE "C" UNIQUE
        );

        CREATE TABLE hookCursor (
            hook text COLLATE "C" PRIMARY KEY,
            lastEventId bigint NOT NULL DEFAULT 0,
            attempts bigint NOT NULL DEFAULT 0,
            nextAttempt bigint NOT NULL DEFAULT 0,
            lastError text COLLATE "C"
        );

        -- The summaries on UPDATE and DELETE of a finding, as SQLite's triggers keep them (inserts are
        -- counted by the ingest in its own transaction, on both backends).
        CREATE FUNCTION mlsoc_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            sign bigint;
            f finding;
            cell boolean;
            perModel boolean;
            grouped boolean;
            assigned boolean;
        BEGIN
            IF TG_OP = 'DELETE' THEN
                cell := true; perModel := true; grouped := true; assigned := OLD.assignee IS NOT NULL;
            ELSE
                cell := OLD.modelId IS DISTINCT FROM NEW.modelId OR OLD.projectId IS DISTINCT FROM NEW.projectId
                    OR OLD.threat IS DISTINCT FROM NEW.threat OR OLD.severity IS DISTINCT FROM NEW.severity
                    OR OLD.state IS DISTINCT FROM NEW.state OR OLD.asr IS DISTINCT FROM NEW.asr;
                perModel := OLD.modelId IS DISTINCT FROM NEW.modelId OR OLD.projectId IS DISTINCT FROM NEW.projectId
                    OR OLD.severity IS DISTINCT FROM NEW.severity OR OLD.state IS DISTINCT FROM NEW.state
                    OR OLD.asr IS DISTINCT FROM NEW.asr;
                grouped := OLD.ruleRef IS DISTINCT FROM NEW.ruleRef OR OLD.messageId IS DISTINCT FROM NEW.messageId
                    OR OLD.modelId IS DISTINCT FROM NEW.modelId OR OLD.projectId IS DISTINCT FROM NEW.projectId
                    OR OLD.threat IS DISTINCT FROM NEW.threat OR OLD.severity IS DISTINCT FROM NEW.severity
                    OR OLD.state IS DISTINCT FROM NEW.state;
                assigned := (OLD.assignee IS NOT NULL OR NEW.assignee IS NOT NULL)
                    AND (OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.modelId IS DISTINCT FROM NEW.modelId
                        OR OLD.projectId IS DISTINCT FROM NEW.projectId OR OLD.state IS DISTINCT FROM NEW.state);
            END IF;
            FOR pass IN 1..2 LOOP
                IF pass = 1 THEN
                    f := OLD; sign := -1;
                ELSIF TG_OP = 'DELETE' THEN
                    EXIT;
                ELSE
                    f := NEW; sign := 1;
                END IF;
                IF cell THEN
                    INSERT INTO summaryCell AS s (modelId, projectId, threat, severity, state, count, weight)
                    VALUES (coalesce(f.modelId, 0), f.projectId, f.threat, f.severity, f.state, sign, sign * coalesce(f.asr, 1))
                    ON CONFLICT (modelId, projectId, threat, severity, state)
                    DO UPDATE SET count = s.count + excluded.count, weight = s.weight + excluded.weight;
                END IF;
                IF perModel THEN
                    INSERT INTO modelSummary AS s (modelId, projectId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
                    VALUES (coalesce(f.modelId, 0), f.projectId, f.state,
                        CASE WHEN f.severity = 0 THEN sign ELSE 0 END, CASE WHEN f.severity = 1 THEN sign ELSE 0 END,
                        CASE WHEN f.severity = 2 THEN sign ELSE 0 END, CASE WHEN f.severity = 3 THEN sign ELSE 0 END,
                        CASE WHEN f.severity = 4 THEN sign ELSE 0 END,
                        CASE WHEN f.severity = 0 THEN sign * coalesce(f.asr, 1) ELSE 0 END,
                        CASE WHEN f.severity = 1 THEN sign * coalesce(f.asr, 1) ELSE 0 END,
                        CASE WHEN f.severity = 2 THEN sign * coalesce(f.asr, 1) ELSE 0 END,
                        CASE WHEN f.severity = 3 THEN sign * coalesce(f.asr, 1) ELSE 0 END,
                        CASE WHEN f.severity = 4 THEN sign * coalesce(f.asr, 1) ELSE 0 END)
                    ON CONFLICT (modelId, projectId, state) DO UPDATE SET
                        c0 = s.c0 + excluded.c0, c1 = s.c1 + excluded.c1, c2 = s.c2 + excluded.c2, c3 = s.c3 + excluded.c3,
                        c4 = s.c4 + excluded.c4, w0 = s.w0 + excluded.w0, w1 = s.w1 + excluded.w1, w2 = s.w2 + excluded.w2,
                        w3 = s.w3 + excluded.w3, w4 = s.w4 + excluded.w4;
                END IF;
                IF grouped THEN
                    INSERT INTO groupSummary AS s (ruleRef, messageId, modelId, projectId, threat, severity, state, count)
                    VALUES (f.ruleRef, coalesce(f.messageId, 0), coalesce(f.modelId, 0), f.projectId, f.threat, f.severity, f.state, sign)
                    ON CONFLICT (ruleRef, messageId, modelId, projectId, threat, severity, state)
                    DO UPDATE SET count = s.count + excluded.count;
                END IF;
                IF assigned THEN
                    INSERT INTO assignedSummary AS s (modelId, projectId, state, count)
                    VALUES (coalesce(f.modelId, 0), f.projectId, f.state, CASE WHEN f.assignee IS NOT NULL THEN sign ELSE 0 END)
                    ON CONFLICT (modelId, projectId, state) DO UPDATE SET count = s.count + excluded.count;
                END IF;
            END LOOP;
            RETURN NULL;
        END $$;
        CREATE TRIGGER finding_summaries AFTER UPDATE OR DELETE ON finding
            FOR EACH ROW EXECUTE FUNCTION mlsoc_summaries();

        -- Live refresh: a write that changes what a console shows says so on one channel; listeners
        -- re-read (LISTEN mlsoc_changed), pollers need not.
        CREATE FUNCTION mlsoc_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('mlsoc_changed', TG_TABLE_NAME);
            RETURN NULL;
        END $$;
        CREATE TRIGGER finding_changed AFTER INSERT OR UPDATE OR DELETE ON finding
            FOR EACH STATEMENT EXECUTE FUNCTION mlsoc_notify_changed();
        CREATE TRIGGER scan_changed AFTER INSERT OR UPDATE OR DELETE ON scan
            FOR EACH STATEMENT EXECUTE FUNCTION mlsoc_notify_changed();
        CREATE TRIGGER model_changed AFTER INSERT OR UPDATE OR DELETE ON model
            FOR EACH STATEMENT EXECUTE FUNCTION mlsoc_notify_changed();
        """
}
