// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "mlsoc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mlsoc", targets: ["mlsoc"]),
        .executable(name: "mlsoc-bench", targets: ["mlsoc-bench"]),
        .executable(name: "mlsoc-fuzz", targets: ["mlsoc-fuzz"]),
        .executable(name: "mlsoc-fuzz-prompt", targets: ["mlsoc-fuzz-prompt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C shim over ncursesw; the only importer is CursesTerminal.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // libcrypto (Debian's libssl-dev) for SHA-256; the only importer is Ingest (docs/DECISIONS.md).
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The domain: pure, no dependencies.
        .target(name: "Findings"),
        .target(
            name: "FindingStore",
            dependencies: [
                "Findings", "COpenSSL", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The shared PostgreSQL backend (issue 22): connections from a postgres:// URL, its schema and
        // migrations, and `store copy` between the two backends. Sees SQLite only through FindingStore.
        .target(
            name: "PostgresStore",
            dependencies: [
                "Findings", "FindingStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Bounded reading of untrusted files: byte streams, the streaming JSON reader, and the error
        // that names a file and a place. No domain, no store.
        .target(name: "JSONStream"),
        // The user's config.yaml (risk, SLA, triage, theme, models, projects, data stores), read once
        // per command.
        .target(
            name: "Config", dependencies: ["Findings", "JSONStream", .product(name: "Yams", package: "Yams")],
            // The built-in compliance packs (CompliancePacks).
            resources: ["owasp-llm-2025", "mitre-atlas", "nist-ai-rmf", "eu-ai-act", "iso-42001"].map { .embedInCode("Resources/packs/\($0).yaml") }
        ),
        .target(
            name: "Ingest",
            dependencies: [
                "Findings", "FindingStore", "COpenSSL", "JSONStream", "Config",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Resources/mapping.json")]
        ),
        // The store written out: SARIF, CycloneDX ML-BOM/VEX, JSON and CSV.
        .target(name: "Export", dependencies: ["Findings", "FindingStore"]),
        .target(name: "ConsoleUI", dependencies: ["Findings"]),
        .target(name: "CursesTerminal", dependencies: ["ConsoleUI", "CNCurses"]),
        .target(
            name: "ConsoleApp",
            dependencies: ["ConsoleUI", "FindingStore", "Ingest", "Config", "Export", .product(name: "Yams", package: "Yams")],
            exclude: ["Resources/themes/README.md"],
            // The theme files; the repository's top-level `themes/` is a link to this directory.
            resources: ["dark", "light", "high-contrast", "solarized-dark", "mono"].map { .embedInCode("Resources/themes/\($0).yaml") }
        ),
        .executableTarget(
            name: "mlsoc",
            dependencies: [
                "ConsoleApp", "CursesTerminal", "Ingest", "FindingStore", "PostgresStore", "Config", "Export", "JSONStream",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mlsoc-bench",
            dependencies: [
                "FindingStore", "Ingest", "Findings", "ConsoleApp", "ConsoleUI", "Config", "JSONStream", "PostgresStore",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets: libFuzzer with `make fuzz`, a corpus replayer otherwise.
        .executableTarget(name: "mlsoc-fuzz", dependencies: ["FindingStore", "Ingest", "Findings", "JSONStream"]),
        // The console's line editor under libFuzzer (`make fuzz`): the UI alone, so it builds optimised in a minute.
        .executableTarget(name: "mlsoc-fuzz-prompt", dependencies: ["ConsoleUI", "Findings"]),
        .target(
            name: "TestSupport",
            dependencies: ["Findings", "FindingStore", "PostgresStore", "ConsoleUI", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "FindingsTests", dependencies: ["Findings"]),
        .testTarget(
            name: "FindingStoreTests",
            dependencies: ["FindingStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "FindingStore", "Config", "Export", "JSONStream", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleUI", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "ConsoleAppTests", dependencies: ["ConsoleApp", "ConsoleUI", "FindingStore", "Config", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Scripts"]),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "FindingStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["TestSupport", "FindingStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Hostile", "FilterSeeds", "PromptSeeds"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
