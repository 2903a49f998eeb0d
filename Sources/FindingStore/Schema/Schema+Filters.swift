extension Schema {
    /// v25: every filter term's first page from an index at 10M findings (issue 25), paid for by a
    /// smaller row.
    /// - `taxonomy`: a finding's ATLAS/OWASP/CWE ids, interned like messages (v10). The text was
    ///   ~26 bytes of each row and repeats per rule; the row now keeps a small id, and `cwe:` globs
    ///   match the few taxonomy rows instead of every finding.
    /// - `finding_by_rule` (ruleRef, severity): `tool:`, `rule:` and an opened rule group walk the
    ///   matching rules' ranges, most severe first, instead of every finding (`PagePlan`).
    /// - `finding_by_model_severity` (modelId, severity): the same for `model:` and a model's view.
    /// - `finding_by_severity` goes: a page most severe first is a merge of the per-threat ranges of
    ///   `finding_by_cell` (14 threats), which SQLite reads as a union of short seeks.
    /// - `finding_by_cell` and `finding_by_due` lose their explicit `id`: an index entry always ends
    ///   with the rowid, so naming it stored it twice (4 bytes per entry).
    /// - The due key is the SLA due date of an open or accepted finding (an acceptance can lapse); a
    ///   closed one sorts with those that have none (it is due nowhere). `sla:overdue` is then a range
    ///   of `finding_by_due`. Part of a migration: never change its output (`FindingStore.dueKey`
    ///   must stay the same expression, or the index is not used).
    static var v25: String {
        """
        CREATE TABLE taxonomy (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        INSERT INTO taxonomy (text) SELECT DISTINCT taxonomy FROM finding WHERE taxonomy != '' ORDER BY 1;
        ALTER TABLE finding ADD COLUMN taxonomyId INTEGER REFERENCES taxonomy(id);
        UPDATE finding SET taxonomyId = (SELECT t.id FROM taxonomy t WHERE t.text = finding.taxonomy) WHERE taxonomy != '';
        ALTER TABLE finding DROP COLUMN taxonomy;
        DROP INDEX finding_by_severity;
        DROP INDEX finding_by_cell;
        CREATE INDEX finding_by_cell ON finding (threat, severity);
        DROP INDEX finding_by_due;
        CREATE INDEX finding_by_due ON finding (CASE WHEN state IN (0, 1, 2, 6) THEN coalesce(slaDue, 9223372036854775807) ELSE 9223372036854775807 END);
        CREATE INDEX finding_by_rule ON finding (ruleRef, severity);
        CREATE INDEX finding_by_model_severity ON finding (modelId, severity) WHERE modelId IS NOT NULL;
        """
    }
}

extension Schema {
    /// v26: how many findings fall due in each stretch of 2^16 seconds (18.2 hours), per project
    /// (issue 25). Only findings with a due key count (`FindingStore.dueKey`: open or accepted, with a
    /// due date). A count of `sla:overdue` is then a sum over the whole stretches before now, a
    /// range of `finding_by_due` for the stretch now is in, less the acceptances still running:
    /// SQLite 3.40 reads every row of an expression index's range, which made the count at 10M
    /// findings with 5.8M overdue 576 ms. The stretch is a shift (`slaDue >> 16`), which floors on
    /// both backends and in Swift alike. Kept like groupSummary: by the ingest once per report, by
    /// triggers on UPDATE and DELETE. Part of a migration: never change its output.
    static let dueStretchShift: Int64 = 16

    static var v26: String {
        """
        CREATE TABLE dueSummary (
            projectId INTEGER NOT NULL,
            stretch INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (projectId, stretch)
        ) WITHOUT ROWID;
        INSERT INTO dueSummary (projectId, stretch, count)
        SELECT projectId, slaDue >> 16, count(*) FROM finding WHERE state IN (0, 1, 2, 6) AND slaDue IS NOT NULL GROUP BY 1, 2;
        CREATE TRIGGER dueSummary_update AFTER UPDATE OF state, slaDue, projectId ON finding
        WHEN OLD.state IS NOT NEW.state OR OLD.slaDue IS NOT NEW.slaDue OR OLD.projectId IS NOT NEW.projectId
        BEGIN
            \(addToDueSummary("OLD", count: "-1"))
            \(addToDueSummary("NEW", count: "1"))
        END;
        CREATE TRIGGER dueSummary_delete AFTER DELETE ON finding
        BEGIN \(addToDueSummary("OLD", count: "-1")) END;
        """
    }

    /// v26's dueSummary upsert for the finding `row` (NEW or OLD), nothing when it has no due key.
    /// Part of a migration: never change its output.
    private static func addToDueSummary(_ row: String, count: String) -> String {
        """
        INSERT INTO dueSummary (projectId, stretch, count)
        SELECT \(row).projectId, \(row).slaDue >> 16, \(count) WHERE \(row).state IN (0, 1, 2, 6) AND \(row).slaDue IS NOT NULL
        ON CONFLICT DO UPDATE SET count = count + excluded.count;
        """
    }
}

extension Schema {
    /// v27: how many findings carry each taxonomy (ATLAS, OWASP, CWE id lists, interned in v25)
    /// per rule and project (issue 25). A `cwe:` term then names a few rules, and its pages read
    /// those rules' ranges of `finding_by_rule` instead of every finding (3.7 s for a first page at
    /// 10M); a count of `cwe:` terms alone is a sum over a few rows. Kept like groupSummary: by the
    /// ingest once per report, by triggers on UPDATE (a remapping changes a taxonomy) and DELETE.
    /// Part of a migration: never change its output.
    static var v27: String {
        """
        CREATE TABLE taxonomySummary (
            taxonomyId INTEGER NOT NULL,
            ruleRef INTEGER NOT NULL,
            projectId INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (taxonomyId, ruleRef, projectId)
        ) WITHOUT ROWID;
        INSERT INTO taxonomySummary (taxonomyId, ruleRef, projectId, count)
        SELECT taxonomyId, ruleRef, projectId, count(*) FROM finding WHERE taxonomyId IS NOT NULL GROUP BY 1, 2, 3;
        CREATE TRIGGER taxonomySummary_update AFTER UPDATE OF ruleRef, taxonomyId, projectId ON finding
        WHEN OLD.ruleRef IS NOT NEW.ruleRef OR OLD.taxonomyId IS NOT NEW.taxonomyId OR OLD.projectId IS NOT NEW.projectId
        BEGIN
            \(addToTaxonomySummary("OLD", count: "-1"))
            \(addToTaxonomySummary("NEW", count: "1"))
        END;
        CREATE TRIGGER taxonomySummary_delete AFTER DELETE ON finding
        BEGIN \(addToTaxonomySummary("OLD", count: "-1")) END;
        """
    }

    /// v27's taxonomySummary upsert for the finding `row` (NEW or OLD), nothing when it has no
    /// taxonomy. Part of a migration: never change its output.
    private static func addToTaxonomySummary(_ row: String, count: String) -> String {
        """
        INSERT INTO taxonomySummary (taxonomyId, ruleRef, projectId, count)
        SELECT \(row).taxonomyId, \(row).ruleRef, \(row).projectId, \(count) WHERE \(row).taxonomyId IS NOT NULL
        ON CONFLICT DO UPDATE SET count = count + excluded.count;
        """
    }
}

extension Schema {
    /// v28: paths interned, as messages (v10) and taxonomies (v25) are (issue 25). A finding's
    /// location path was 20–40 bytes of every row and repeats for every finding in the file; the
    /// row now keeps a small id. `path:` globs and the path part of free text then match the
    /// dictionary (a row per distinct path, not per finding), and `finding_by_path` (pathId,
    /// severity) reads the matching paths' findings, most severe first, instead of walking the
    /// store (6.2 s for a first page of `path:` at 10M findings). `path_by_prefix` serves a glob
    /// with a literal start (`path:src/*`) as a range: LIKE is case-insensitive, so the index is
    /// NOCASE (SQLite's LIKE optimisation); other globs and free text read the dictionary (1.4M
    /// paths at 10M bench findings: ~100 ms). Paths are never deleted from the dictionary: it may
    /// name a path no finding has any more, which a query then simply does not find. Part of a
    /// migration: never change its output.
    static var v28: String {
        """
        CREATE TABLE path (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        INSERT INTO path (text) SELECT DISTINCT path FROM finding WHERE path IS NOT NULL ORDER BY 1;
        ALTER TABLE finding ADD COLUMN pathId INTEGER REFERENCES path(id);
        UPDATE finding SET pathId = (SELECT p.id FROM path p WHERE p.text = finding.path) WHERE path IS NOT NULL;
        ALTER TABLE finding DROP COLUMN path;
        CREATE INDEX finding_by_path ON finding (pathId, severity) WHERE pathId IS NOT NULL;
        CREATE INDEX path_by_prefix ON path (text COLLATE NOCASE);
        """
    }
}

extension Schema {
    /// v29: the path dictionary's trigrams (issue 25), an FTS5 index over `path.text` that
    /// PathNarrowing reads for free text and globs without a literal start: the paths holding a
    /// pattern's rarest trigrams, then the pattern's LIKE on those alone, instead of every path's
    /// text (1.36M paths at 10M bench findings). External content (the text stays in `path`, which
    /// is never updated or deleted from), `detail=none` (no positions: the LIKE checks the order)
    /// and no column sizes keep it to ~40 bytes a path. `pathTextVocab` counts the paths per
    /// trigram. `pathTextIndexed.through` is the last path id the index holds: an ingest indexes
    /// the paths above it before it commits (`FindingStore.indexNewPaths`), in one statement, and
    /// readers scan the paths above it (a copy's, until the next ingest). Not a trigger: FTS5 writes
    /// its pending terms out at every statement savepoint, so indexing each path as it is added
    /// cost 27 µs a path, one statement for a group's paths 1.3 µs. Part of a migration: never
    /// change its output.
    static var v29: String {
        """
        CREATE VIRTUAL TABLE pathText USING fts5(text, content = 'path', content_rowid = 'id', tokenize = 'trigram', detail = 'none',
                                                 columnsize = 0);
        INSERT INTO pathText (pathText) VALUES ('rebuild');
        CREATE VIRTUAL TABLE pathTextVocab USING fts5vocab(pathText, 'row');
        CREATE TABLE pathTextIndexed (through INTEGER NOT NULL);
        INSERT INTO pathTextIndexed (through) SELECT coalesce(max(id), 0) FROM path;
        """
    }
}
