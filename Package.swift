// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Molensloot",
    products: [
        .executable(name: "molensloot", targets: ["molensloot"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Domain-free code: JSON, CSV, dates, hashing, statistics, number formatting, file writing.
        // It imports none of the project's modules; every module may import it.
        .target(name: "Basics"),
        // Thin SQLite layer: connection, statements, rows, transactions, migrations.
        .target(name: "Store", dependencies: ["CSQLite"]),
        // The six-step method as data: records, schema, rules, scoring, exchange.
        .target(name: "SixSteps", dependencies: ["Basics", "Store"]),
        // The static site: typed HTML, SVG charts, Dutch and English, written whole and swapped in.
        .target(
            name: "Site",
            dependencies: ["Basics", "SixSteps"],
            resources: [.embedInCode("../../Web/style.css"), .embedInCode("../../Web/site.js")]
        ),
        // The example roadmaps of Roadmaps/, built into the binary for `molensloot demo`.
        .target(name: "ExampleRoadmaps"),
        // The command line: parsing and printing only.
        .executableTarget(name: "molensloot", dependencies: ["SixSteps", "Site", "ExampleRoadmaps"]),
        // Seeded fuzzing of the imports and the command line: for the tests and the benchmark only.
        .target(name: "Fuzzing", dependencies: ["SixSteps", "Store"]),
        // Benchmarks of the release binary: `swift run -c release molensloot-bench`.
        .executableTarget(name: "molensloot-bench", dependencies: ["SixSteps", "Fuzzing"]),
        .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "SixStepsTests", dependencies: ["SixSteps", "Fuzzing"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Fuzzing"]),
        .testTarget(name: "EndToEndTests", dependencies: ["molensloot", "Store", "Fuzzing"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6],
    // C23 for #embed, which builds the example roadmaps into the binary.
    cLanguageStandard: .c2x
)
