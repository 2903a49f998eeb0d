import Foundation

/// A PostgreSQL store named by a URL, as libpq reads one:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DB?sslmode=MODE`, `postgresql://` too. A host that is a
/// directory (`?host=/run/postgresql`, or `%2Frun%2Fpostgresql` in the host part) is a Unix socket
/// directory, as in libpq. A password not in the URL comes from PGPASSWORD.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// libpq's sslmode values.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket directory; the socket is `DIR/.s.PGSQL.PORT`.
        case socket(directory: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// A file of CA certificates for verify-ca and verify-full (`sslrootcert`); the system's otherwise.
    public var rootCertificate: String?

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The URL without its password: what messages and logs may show.
    public var description: String {
        let query = sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)"
        switch endpoint {
        case let .tcp(host, port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(Self.escaped(user))@\(shownHost):\(port)/\(Self.escaped(database))\(query)"
        case let .socket(directory, port):
            let separator = query.isEmpty ? "?" : "&"
            return "postgres://\(Self.escaped(user))@/\(Self.escaped(database))\(query)\(separator)host=\(directory)&port=\(port)"
        }
    }

    public init(endpoint: Endpoint, user: String, password: String? = nil, database: String, sslMode: SSLMode = .prefer) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
    }

    /// Parses a postgres:// URL; the error says what is wrong with it (never echoing a password).
    public static func parse(_ text: String, environment: [String: String] = [:]) throws -> PostgresLocation {
        guard isURL(text), let components = URLComponents(string: text) else {
            throw PostgresStoreError("not a PostgreSQL URL (postgres://USER@HOST[:PORT]/DATABASE?sslmode=…): \(redacted(text))")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw PostgresStoreError("\(redacted(text)): parameter \(item.name) has no value") }
            parameters[item.name] = value
        }
        let known: Set<String> = ["sslmode", "host", "port", "user", "password", "dbname", "sslrootcert", "application_name", "connect_timeout"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw PostgresStoreError("\(redacted(text)): unknown parameter \(unknown) (known: \(known.sorted().joined(separator: ", ")))")
        }
        let user =
            parameters["user"] ?? components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let password = parameters["password"] ?? components.password ?? environment["PGPASSWORD"]
        var database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if let name = parameters["dbname"] { database = name }
        if database.isEmpty { database = user }
        if database.contains("/") { throw PostgresStoreError("\(redacted(text)): the database name has a '/' in it") }
        var port = 5432
        if let portText = parameters["port"] ?? components.port.map(String.init) {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw PostgresStoreError("\(redacted(text)): port \(portText) is not a port number")
            }
            port = value
        }
        let sslText = parameters["sslmode"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: sslText) else {
            throw PostgresStoreError(
                "\(redacted(text)): sslmode \(sslText) is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let host = parameters["host"] ?? components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGHOST"]
        let endpoint: Endpoint
        if let host, host.hasPrefix("/") {
            endpoint = .socket(directory: host, port: port)
        } else if let host {
            endpoint = .tcp(host: host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host, port: port)
        } else {
            endpoint = .socket(directory: "/var/run/postgresql", port: port)
        }
        if case .socket = endpoint, [.require, .verifyCA, .verifyFull].contains(sslMode) {
            throw PostgresStoreError("\(redacted(text)): sslmode \(sslMode.rawValue) over a Unix socket: a socket has no TLS; use a host name")
        }
        var location = PostgresLocation(endpoint: endpoint, user: user, password: password, database: database, sslMode: sslMode)
        location.rootCertificate = parameters["sslrootcert"]
        return location
    }

    /// The URL with any password replaced by `***`.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "postgres://…" }
        if components.password != nil { components.password = "***" }
        if let items = components.queryItems, items.contains(where: { $0.name == "password" }) {
            components.queryItems = items.map { $0.name == "password" ? URLQueryItem(name: "password", value: "***") : $0 }
        }
        return components.string ?? "postgres://…"
    }

    private static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))) ?? text
    }
}

/// An error of the PostgreSQL backend, one line, with the server's own message when it sent one.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
