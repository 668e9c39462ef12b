import Foundation
import Fuzzing
import Testing

/// The built binary with random and mutated command lines and import files, a fixed seed each:
/// it always exits by itself with 0, 1 or 64, a failure is one line on stderr and leaves every
/// file as it was. `molensloot-bench` runs the same drivers for many more inputs.
@Suite struct FuzzTests {
    static let seed: UInt64 = 20_140_301

    @Test func commandLineParser() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let report = try BinaryFuzz.commandLine(binary: CLI.binary, seed: Self.seed, iterations: 300, folder: cli.path("fuzz"))
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.accepted > 0 && report.refused > 0, "\(report)")
    }

    @Test func importFiles() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let report = try BinaryFuzz.imports(binary: CLI.binary, seed: Self.seed, iterations: 160, folder: cli.path("fuzz"))
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.accepted > 0 && report.refused > 0, "\(report)")
    }

    /// What the fuzzer found once, kept as plain cases: a value with a line break, and a header of
    /// 100 000 characters, each quoted in the error message, which stays one line of readable length.
    @Test func aMessageQuotingTheFileStaysOneShortLine() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init")
        let files: [(name: String, text: String, command: [String])] = [
            ("breuk.csv", "period;channel;reason;count\n2014-03;\"fax\nmachine\";Afval;3\n", ["volume", "import"]),
            ("kop.csv", "period;count;" + String(repeating: "x", count: 100_000) + "\n2014-03;1;2\n", ["volume", "import"]),
            ("sleutel.json", #"{"format": "molensloot-roadmap", "version": 2, "regel\neen\r\ntwee": []}"#, ["import"]),
        ]
        for (name, text, command) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path(name)))
            let before = try #require(cli.bytes("roadmap.sqlite"))
            let outcome = try BinaryFuzz.run(CLI.binary, command + [name], in: cli.directory.path,
                                             environment: cli.environment, capture: cli.directory.path)
            #expect(outcome.status == 1 && BinaryFuzz.problem(outcome) == nil, "\(name): \(BinaryFuzz.problem(outcome) ?? "")")
            #expect(outcome.stderr.contains(name), "\(outcome.stderr.prefix(300))")
            #expect(cli.bytes("roadmap.sqlite") == before)
        }
    }

    /// A NUL inside a text of an imported document (`\u0000`, which JSON allows) cannot be stored:
    /// SQLite's text ends at it, so "Voor\u{0}na" would come back as "Voor". The import refuses
    /// it with one clear line that says where, and makes no file.
    @Test func aNulInsideAnImportedTextIsRefusedNotCutOff() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("--db bron.sqlite init")
        try cli.ok("--db bron.sqlite journey add mor Melding")
        let exported = try cli.ok("--db bron.sqlite export").stdout
        var document = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        document["findings"] = [["id": "F1", "kind": "good", "title": "Voor\u{0}na", "journey": "mor", "phase": "contact", "severity": 3]]
        var next = document["next_ids"] as? [String: Any] ?? [:]
        next["findings"] = 2
        document["next_ids"] = next
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: cli.path("nul.json")))
        let outcome = try BinaryFuzz.run(CLI.binary, ["--db", "kopie.sqlite", "import", "nul.json"], in: cli.directory.path,
                                         environment: cli.environment, capture: cli.directory.path)
        #expect(outcome.status == 1 && BinaryFuzz.problem(outcome) == nil, "\(BinaryFuzz.problem(outcome) ?? "")")
        #expect(outcome.stderr.contains("findings[0].title holds a NUL character"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("kopie.sqlite")))
    }

    /// Found by the long run of `molensloot-bench`: contact counts whose sum passed Int64.max made
    /// `volume import` crash, and once stored, `volume mix` and `site build` crashed on every run.
    /// Counts are now at most a billion each and per key, and such a file is refused.
    @Test func contactCountsPastTheLimitAreRefusedNotACrash() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init")
        let files = [
            "som.csv": "period;channel;reason;count\n2014-03;web;a;9223372036854775807\n2014-03;app;b;1\n",
            "dubbel.csv": "period;channel;reason;count\n2014-03;web;a;9223372036854775807\n2014-03;web;a;1\n",
            "per-sleutel.csv": "period;channel;reason;count\n2014-03;web;a;600000000\n2014-03;web;a;600000000\n",
        ]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path(name)))
            let before = try #require(cli.bytes("roadmap.sqlite"))
            let outcome = try BinaryFuzz.run(CLI.binary, ["volume", "import", name], in: cli.directory.path,
                                             environment: cli.environment, capture: cli.directory.path)
            #expect(outcome.status == 1 && BinaryFuzz.problem(outcome) == nil, "\(name): \(BinaryFuzz.problem(outcome) ?? "")")
            #expect(cli.bytes("roadmap.sqlite") == before)
        }
    }

    /// The oracle itself: a run that prints two lines, or ends by a signal, is a failure.
    @Test func theOracleCatchesWhatItShould() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let shell = URL(fileURLWithPath: "/bin/sh")
        let environment = ["PATH": "/usr/bin:/bin"]
        let twoLines = try BinaryFuzz.run(shell, ["-c", "echo 'error: a' >&2; echo 'b' >&2; exit 1"], in: cli.directory.path,
                                          environment: environment, capture: cli.directory.path)
        #expect(BinaryFuzz.problem(twoLines) != nil)
        let killed = try BinaryFuzz.run(shell, ["-c", "kill -SEGV $$"], in: cli.directory.path, environment: environment,
                                        capture: cli.directory.path)
        #expect(BinaryFuzz.problem(killed)?.contains("signal") == true)
        let hung = try BinaryFuzz.run(shell, ["-c", "sleep 5"], in: cli.directory.path, environment: environment,
                                      capture: cli.directory.path, timeout: 0.2)
        #expect(BinaryFuzz.problem(hung) == "did not finish")
        let clean = try BinaryFuzz.run(shell, ["-c", "echo 'error: no such thing' >&2; exit 1"], in: cli.directory.path,
                                       environment: environment, capture: cli.directory.path)
        #expect(BinaryFuzz.problem(clean) == nil)
    }
}
