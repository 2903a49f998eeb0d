import Foundation
import GRDB

/// A statement of the store's SQL put into a server's (PostgreSQL's) dialect. The store's SQL is
/// written for both backends; what remains SQLite's own is rewritten here, outside string literals,
/// quoted names and comments:
/// - parameters: `?` and `:name` become `$1, $2…` (a name used twice is one parameter);
/// - `INDEXED BY index` and `NOT INDEXED` (SQLite's planner hints) are dropped: the server plans on its own;
/// - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`;
/// - `LIKE` becomes `ILIKE`: SQLite's LIKE ignores ASCII case, PostgreSQL's does not;
/// - `IN ()` and `NOT IN ()` (an empty list, which PostgreSQL's grammar lacks) become `= ANY('{}')`
///   and `<> ALL('{}')`;
/// - `lower(hex(x))` becomes `encode(x, 'hex')`;
/// - `max(a, b)` and `min(a, b)`, SQLite's scalar forms, become `greatest` and `least` (which skip a
///   NULL where SQLite's return NULL: the store's SQL uses them on NOT NULL columns only).
struct ServerSQL: Equatable {
    /// A `$n` parameter: SQLite's number for it (`?` takes one more than the highest so far, as
    /// in SQLite, and `?NNN` its own), or its name.
    enum Parameter: Equatable {
        case numbered(Int)
        case named(String)
    }

    /// The statement as the server reads it.
    let text: String
    /// The parameters in `$n` order.
    let parameters: [Parameter]

    init(_ sql: String) {
        var out = ""
        var parameters: [Parameter] = []
        var names: [String: Int] = [:]
        let characters = Array(sql)
        var index = 0
        var insertOrIgnore = false
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                // A literal or quoted name, to its closing quote (a doubled quote stays inside).
                var end = index + 1
                while end < characters.count {
                    if characters[end] == character {
                        if end + 1 < characters.count, characters[end + 1] == character {
                            end += 2
                            continue
                        }
                        break
                    }
                    end += 1
                }
                out.append(contentsOf: characters[index...min(end, characters.count - 1)])
                index = end + 1
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "/" where index + 1 < characters.count && characters[index + 1] == "*":
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
                out.append(" ")
            case "?" where index + 1 < characters.count && characters[index + 1].isASCII && characters[index + 1].isNumber:
                var end = index + 1
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                let number = Int(String(characters[(index + 1)..<end])) ?? 0
                while parameters.count < number { parameters.append(.numbered(parameters.count + 1)) }
                out.append("$\(number)")
                index = end
            case "?":
                parameters.append(.numbered(parameters.count + 1))
                out.append("$\(parameters.count)")
                index += 1
            case ":" where index + 1 < characters.count && ServerSQL.isNameStart(characters[index + 1]):
                var end = index + 1
                while end < characters.count, ServerSQL.isNamePart(characters[end]) { end += 1 }
                let name = String(characters[(index + 1)..<end])
                if let number = names[name] {
                    out.append("$\(number)")
                } else {
                    parameters.append(.named(name))
                    names[name] = parameters.count
                    out.append("$\(parameters.count)")
                }
                index = end
            default:
                if ServerSQL.isNameStart(character), index == 0 || !ServerSQL.isNamePart(characters[index - 1]) {
                    var end = index
                    while end < characters.count, ServerSQL.isNamePart(characters[end]) { end += 1 }
                    let word = String(characters[index..<end])
                    index = end
                    switch word.uppercased() {
                    case "INDEXED":
                        if let afterBy = ServerSQL.followedBy(characters, index, ["BY"]) {
                            // `INDEXED BY name`: the hint and its index go.
                            index = afterBy
                            while index < characters.count, characters[index].isWhitespace { index += 1 }
                            while index < characters.count, ServerSQL.isNamePart(characters[index]) { index += 1 }
                        } else if out.trimmingCharacters(in: .whitespaces).uppercased().hasSuffix("NOT") {
                            // `NOT INDEXED`: so does the NOT before it.
                            while out.last?.isWhitespace == true { out.removeLast() }
                            out.removeLast(3)
                        } else {
                            out.append(word)
                        }
                    case "INSERT" where ServerSQL.followedBy(characters, index, ["OR", "IGNORE"]) != nil:
                        index = ServerSQL.followedBy(characters, index, ["OR", "IGNORE"]) ?? index
                        insertOrIgnore = true
                        out.append("INSERT")
                    case "LIKE": out.append("ILIKE")
                    case "IN" where ServerSQL.followedBy(characters, index, ["(", ")"]) != nil:
                        // SQLite's empty list: no value is in it, every value is not.
                        index = ServerSQL.followedBy(characters, index, ["(", ")"]) ?? index
                        if out.trimmingCharacters(in: .whitespaces).uppercased().hasSuffix(" NOT") {
                            while out.last?.isWhitespace == true { out.removeLast() }
                            out.removeLast(3)
                            out.append("<> ALL('{}')")
                        } else {
                            out.append("= ANY('{}')")
                        }
                    case "MAX" where ServerSQL.argumentCount(characters, index) == 2: out.append("greatest")
                    case "MIN" where ServerSQL.argumentCount(characters, index) == 2: out.append("least")
                    case "LOWER" where ServerSQL.followedBy(characters, index, ["(", "HEX", "("]) != nil:
                        index = ServerSQL.followedBy(characters, index, ["(", "HEX", "("]) ?? index
                        // The argument to its closing parenthesis, then the outer one.
                        var depth = 1
                        var argument = ""
                        while index < characters.count {
                            if characters[index] == "(" { depth += 1 }
                            if characters[index] == ")" {
                                depth -= 1
                                if depth == 0 { break }
                            }
                            argument.append(characters[index])
                            index += 1
                        }
                        index += 1
                        while index < characters.count, characters[index] != ")" { index += 1 }
                        index += 1
                        out.append("encode(\(argument), 'hex')")
                    default: out.append(word)
                    }
                    continue
                }
                out.append(character)
                index += 1
            }
        }
        if insertOrIgnore {
            while out.last?.isWhitespace == true || out.last == ";" { out.removeLast() }
            out.append(" ON CONFLICT DO NOTHING")
        }
        text = out
        self.parameters = parameters
    }

    private static func isNameStart(_ character: Character) -> Bool { character.isLetter || character == "_" }
    private static func isNamePart(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }

    /// How many arguments the call whose `(` follows `start` has (commas at its own depth, outside
    /// quotes); nil when no call follows.
    private static func argumentCount(_ characters: [Character], _ start: Int) -> Int? {
        var index = start
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count, characters[index] == "(" else { return nil }
        var depth = 0
        var count = 1
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return count }
            } else if character == ",", depth == 1 {
                count += 1
            }
            index += 1
        }
        return nil
    }

    /// Where `words` (each a word or a punctuation character, any case, whitespace between) end
    /// when they follow `index`; nil when they do not.
    private static func followedBy(_ characters: [Character], _ start: Int, _ words: [String]) -> Int? {
        var index = start
        for word in words {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            let end = index + word.count
            guard end <= characters.count, String(characters[index..<end]).uppercased() == word else { return nil }
            if let last = word.last, isNamePart(last), end < characters.count, isNamePart(characters[end]) { return nil }
            index = end
        }
        return index
    }
}

/// Turns GRDB arguments into the values a server statement binds, and a server's rows back into
/// rows GRDB decodes, through an in-memory SQLite connection: GRDB has no public way to list an
/// argument set's values or to build an ordered row, and decoding through SQLite itself means a
/// value converts exactly as it does when it comes from the SQLite store (docs/DECISIONS.md).
final class ServerCodec: @unchecked Sendable {
    private let queue: DatabaseQueue
    /// Statements already put into the server's dialect: the ingest runs a few texts per finding.
    private var translations: [String: ServerSQL] = [:]
    private let lock = NSLock()

    init() throws {
        queue = try DatabaseQueue()
    }

    /// `sql` in the server's dialect, translated once (a bounded cache: the store's texts are few,
    /// but a filter's IN list makes a new text per length).
    func translated(_ sql: String) -> ServerSQL {
        if let known = lock.withLock({ translations[sql] }) { return known }
        let statement = ServerSQL(sql)
        lock.withLock {
            if translations.count >= 2_048 { translations.removeAll(keepingCapacity: true) }
            translations[sql] = statement
        }
        return statement
    }

    /// The values of `arguments` in the order of `statement`'s `$n` parameters.
    func values(of arguments: StatementArguments, for statement: ServerSQL) throws -> [DatabaseValue] {
        // Named arguments the statement does not use are ignored, as GRDB ignores them.
        if statement.parameters.isEmpty { return [] }
        let select = statement.parameters.map { parameter in
            switch parameter {
            case let .named(name): ":" + name
            case let .numbered(number): "?\(number)"
            }
        }
        return try queue.inDatabase { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT " + select.joined(separator: ", "), arguments: arguments) else { return [] }
            return Array(row.databaseValues)
        }
    }

    /// `result`'s rows (the first `limit`) as a SQLite statement, handed to `body` with its
    /// arguments; big results go in several statements (SQLite binds at most 32,766 values at once).
    func decode<T>(_ result: ServerResult, limit: Int?, _ body: (Database, String, StatementArguments) throws -> [T]) throws -> [T] {
        let names = result.columns.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard !names.isEmpty else { return [] }
        let rows = limit.map { Array(result.rows.prefix($0)) } ?? result.rows
        return try queue.inDatabase { db in
            if rows.isEmpty {
                return try body(db, "SELECT " + names.map { "NULL AS \($0)" }.joined(separator: ", ") + " WHERE 0", [])
            }
            let columns = names.indices.map { "column\($0 + 1) AS \(names[$0])" }.joined(separator: ", ")
            let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ",") + ")"
            let perChunk = max(1, 30_000 / names.count)
            var decoded: [T] = []
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + perChunk)]
                let sql = "SELECT \(columns) FROM (VALUES " + Array(repeating: tuple, count: chunk.count).joined(separator: ",") + ")"
                decoded += try body(db, sql, StatementArguments(chunk.flatMap { $0 }))
                start += perChunk
            }
            return decoded
        }
    }
}
