import Findings
import GRDB

/// Which paths of the dictionary a LIKE pattern can match, read through the dictionary's trigram
/// index (schema v29, SQLite) instead of every path's text (issue 25).
///
/// A free-text term or an infix glob (`pickle`, `path:*module_7.py`) matches `path.text` anywhere,
/// which no B-tree serves: at 10M bench findings the dictionary holds 1.36M paths, ~100 ms to read.
/// Any three consecutive literal characters of a pattern are in every path it matches, so the
/// paths holding its rarest trigrams (two at most, `pathTextVocab` counts them) are a superset,
/// which the pattern's own LIKE then checks. A trigram no path has means no path matches. When even
/// the rarest trigram is in more than `candidateShare` of the paths, the plain scan is cheaper and
/// is kept; so are patterns with a literal start (`path_by_prefix` serves them as a range), patterns
/// with fewer than three literal ASCII characters together, and server stores (no trigram index).
///
/// The paths above the index's mark (`pathTextIndexed`: a copy's, until the next ingest indexes
/// them) are scanned beside it. Decided per query, from the vocabulary, before its SQL is built:
/// the SQL then differs only in what narrows the dictionary, never in what matches.
struct PathNarrowing {
    enum Way: Equatable {
        /// `text LIKE pattern` over the dictionary (or its prefix index).
        case scan
        /// No path the index holds has one of the pattern's trigrams: only those above its mark can match.
        case nothing
        /// The paths that MATCH this FTS5 query, then the LIKE.
        case trigrams(String)
    }

    private var ways: [String: Way] = [:]
    /// The last path id the trigram index holds; the paths above it are scanned.
    private var through: Int64 = 0

    /// Every pattern scanned: what a server store, and SQL built without a connection, use.
    static let scan = PathNarrowing()

    /// Above this share of the dictionary, a trigram's paths are read by the scan instead.
    static let candidateShare = 8

    private init() {}

    /// The way for each path pattern of the filter's positive and negated `path:` and free-text terms.
    init(_ db: StoreConnection, _ filter: FindingFilter) throws {
        var patterns: [String] = []
        for clause in filter.clauses {
            switch clause.term {
            case let .paths(values): patterns += values.map(FilterSQL.likePattern)
            case let .text(text): patterns.append(FilterSQL.textPattern(text))
            default: continue
            }
        }
        try self.init(db, patterns: patterns)
    }

    init(_ db: StoreConnection, patterns: [String]) throws {
        guard db.sqlite != nil, !patterns.isEmpty else { return }
        var wanted: [String: [String]] = [:]
        for pattern in Set(patterns) {
            // A literal start: the prefix index's range.
            guard pattern.hasPrefix("%") || pattern.hasPrefix("_") else { continue }
            let trigrams = PathNarrowing.trigrams(pattern)
            if !trigrams.isEmpty { wanted[pattern] = trigrams }
        }
        guard !wanted.isEmpty else { return }
        // The paths above the mark are not in the index yet (a copy's, until the next ingest):
        // they are scanned beside it.
        let paths = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM path") ?? 0
        through = min(paths, try Int64.fetchOne(db, sql: "SELECT through FROM pathTextIndexed") ?? 0)
        let all = Array(Set(wanted.values.joined()))
        var documents: [String: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT term, doc FROM pathTextVocab WHERE term IN (\(FilterSQL.placeholders(all.count)))",
            arguments: StatementArguments(all))
        {
            documents[row["term"]] = row["doc"]
        }
        let cap = max(2_000, Int(paths) / PathNarrowing.candidateShare)
        for (pattern, trigrams) in wanted {
            let rarest = trigrams.map { (trigram: $0, paths: documents[$0] ?? 0) }.sorted { ($0.paths, $0.trigram) < ($1.paths, $1.trigram) }
            guard let first = rarest.first else { continue }
            if first.paths == 0 {
                ways[pattern] = .nothing
            } else if first.paths <= cap {
                ways[pattern] = .trigrams(rarest.prefix(2).map { PathNarrowing.quoted($0.trigram) }.joined(separator: " AND "))
            }
        }
    }

    /// `SELECT id FROM path WHERE …` for the paths matching one of `patterns`, and its arguments.
    func pathIDs(_ patterns: [String]) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        for pattern in patterns {
            switch ways[pattern] ?? .scan {
            case .scan:
                conditions.append("text LIKE ? ESCAPE '\\'")
                _ = arguments.append(contentsOf: [pattern])
            case .nothing:
                conditions.append("(id > ? AND text LIKE ? ESCAPE '\\')")
                _ = arguments.append(contentsOf: [through, pattern])
            case let .trigrams(query):
                conditions.append("((id IN (SELECT rowid FROM pathText WHERE pathText MATCH ?) OR id > ?) AND text LIKE ? ESCAPE '\\')")
                _ = arguments.append(contentsOf: [query, through, pattern])
            }
        }
        return ("SELECT id FROM path WHERE " + (conditions.isEmpty ? "0" : conditions.joined(separator: " OR ")), arguments)
    }

    /// How the pattern is read (for tests).
    func way(_ pattern: String) -> Way { ways[pattern] ?? .scan }

    /// The distinct trigrams of a LIKE pattern (`\` escapes): every three consecutive literal ASCII
    /// characters, lower-cased as the trigram tokenizer folds them. Other characters break runs (the
    /// tokenizer's folding of them need not be LIKE's, which folds ASCII only).
    static func trigrams(_ pattern: String) -> [String] {
        var runs: [[UInt8]] = [[]]
        var escaped = false
        for byte in pattern.utf8 {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                continue
            } else if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "_") {
                runs.append([])
                continue
            }
            guard byte < 0x80, byte != 0 else {
                runs.append([])
                continue
            }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            runs[runs.count - 1].append(lower)
        }
        var out: [String] = []
        var seen = Set<String>()
        for run in runs where run.count >= 3 {
            for start in 0...(run.count - 3) {
                let trigram = String(decoding: run[start..<start + 3], as: UTF8.self)
                if seen.insert(trigram).inserted { out.append(trigram) }
            }
        }
        return out
    }

    /// An FTS5 string: the trigram in double quotes, its own double quotes doubled.
    private static func quoted(_ trigram: String) -> String {
        "\"" + trigram.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
