import Foundation
import Fuzzing
import Store
import Testing

/// What MigrationTests and BadInputTests leave out: that the fixture really is the first schema
/// version, that every row of every old table survives the migration unchanged (and the ids go on
/// where they were), and that a file from a newer version is refused by every command, the file
/// byte for byte as it was and nothing created beside it.
@Suite struct MigrationCoverageTests {
    static let fixture = MigrationTests.fixtures.appendingPathComponent("roadmap-v1.sqlite")

    /// The schema version of a roadmap made by this binary now.
    static func currentVersion(_ cli: CLI) throws -> Int64 {
        try cli.ok("--db fresh.sqlite init")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.path("fresh.sqlite" + suffix)) } }
        return try SQLiteFile.userVersion(cli.path("fresh.sqlite"))
    }

    /// Every row of every table, the columns by name, in rowid order.
    static func rows(_ path: String) throws -> [String: [[String: SQLValue]]] {
        let connection = try Connection(path: path, mode: .readWrite)
        var tables: [String: [[String: SQLValue]]] = [:]
        for table in try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table'").map({ $0.string(0) }) {
            // Tables without rowid come in the order of their key.
            let rows = try (try? connection.query("SELECT * FROM \(table) ORDER BY rowid")) ?? connection.query("SELECT * FROM \(table)")
            tables[table] = rows.map { row in Dictionary(uniqueKeysWithValues: zip(row.columnNames, row.values)) }
        }
        return tables
    }

    @Test func theFixtureIsTheFirstVersionAndEveryRowSurvivesTheMigration() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let current = try Self.currentVersion(cli)
        let copy = cli.path("old.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: copy)
        #expect(try SQLiteFile.userVersion(copy) == 1, "the fixture is not a version 1 file")
        #expect(current > 1)
        let before = try Self.rows(copy)
        #expect(before["findings"]?.count == 1 && before["audit"]?.count == 26)
        let oldNext = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: MigrationTests.fixtures.appendingPathComponent("roadmap-v1.json"))) as? [String: Any])["next_ids"]
            as? [String: Int]

        // A read migrates; the file is whole and every old row is there, column for column.
        #expect(try cli.run("--db old.sqlite status").status == 0)
        #expect(try SQLiteFile.userVersion(copy) == current)
        #expect(try Snapshot.integrity(try Connection(path: copy, mode: .readWrite)) == "ok")
        let after = try Self.rows(copy)
        for (table, rows) in before where table != "sqlite_sequence" {
            let migrated = after[table] ?? []
            #expect(migrated.count == rows.count, "\(table): \(rows.count) rows before, \(migrated.count) after")
            for (old, new) in zip(rows, migrated) {
                for (column, value) in old {
                    #expect(new[column] == value, "\(table).\(column): \(value) became \(new[column] ?? .null)")
                }
            }
        }
        // Ids go on where they were: nothing removed before the migration is handed out again.
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok("--db old.sqlite export").stdout.utf8))
            as? [String: Any])
        let next = try #require(exported["next_ids"] as? [String: Int])
        for (table, id) in try #require(oldNext) {
            #expect(next[table] == id, "next id of \(table): \(id) before, \(next[table] ?? 0) after")
        }
        let added = try cli.ok("--db old.sqlite finding add 'Na de migratie' --kind good --journey "
            + "\(try #require((exported["journeys"] as? [[String: Any]])?.first?["slug"] as? String)) --phase contact")
        #expect(added.stdout.contains("F\(next["findings"] ?? 0)"), "\(added.stdout)")
        #expect(try cli.run("--db old.sqlite check").status == 0)
        // A second open finds nothing more to do.
        let migrated = try #require(cli.bytes("old.sqlite"))
        #expect(try cli.run("--db old.sqlite status").status == 0)
        #expect(cli.bytes("old.sqlite") == migrated)
    }

    static let commands: [String] = [
        "status", "finding list", "finding add X --kind good --journey mor --phase contact", "vision set Nieuw",
        "import export.json --replace", "survey import enquete.csv --metric tevredenheid", "measure tevredenheid 7",
        "site build --out site", "site theme --name X", "backup kopie.sqlite", "export --out uit.json", "check", "log",
        "cycle open Najaar", "opportunity rank",
    ]

    @Test(arguments: commands)
    func aNewerFileIsRefusedByEveryCommandAndLeftAsItWas(_ line: String) throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        try cli.ok("cycle open Voorjaar --start 2014-03-01")
        try Data(try cli.ok("export").stdout.utf8).write(to: URL(fileURLWithPath: cli.path("export.json")))
        try Data("score\n7\n8\n".utf8).write(to: URL(fileURLWithPath: cli.path("enquete.csv")))
        try SQLiteFile.setUserVersion(cli.path("roadmap.sqlite"), 99)
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let listing = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        let result = try cli.run(line)
        #expect(result.status == 1, "\(line): exit \(result.status)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("newer Molensloot")
                && result.stderr.contains("left untouched"), "\(line): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(cli.bytes("roadmap.sqlite") == before, "\(line) changed the file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted() == listing, "\(line) left files behind")
    }
}
