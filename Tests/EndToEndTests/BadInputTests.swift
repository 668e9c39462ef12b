import Foundation
import Testing

/// Every mistake gets one line on stderr, a non-zero exit and leaves the file byte-for-byte as it was.
@Suite struct BadInputTests {
    /// A small roadmap with one of everything, so that each mistake has something to hit.
    static func filled() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        for line in [
            "init --name 'Gemeente Molensloot'",
            "journey add mor 'Melding openbare ruimte'",
            "metric add tevredenheid 'Tevredenheid' --unit cijfer --baseline 6,4 --target 7,5",
            "finding add 'Melders horen niets' --kind improve --journey mor --phase afronding --severity 5",
            "opportunity add 'Statusberichten' --impact 4 --effort 2",
            "opportunity link O1 F1",
            "item add 'Statusberichten invoeren' --horizon now",
            "item add 'Zaaksysteem koppelen' --horizon next",
            "item link R1 O1",
            "item depend R1 --on R2",
        ] {
            try cli.ok(line)
        }
        return cli
    }

    static let mistakes: [(String, Int32)] = [
        ("finding show F99", 1),
        ("finding edit F99 --severity 2", 1),
        ("opportunity link O1 F42", 1),
        ("finding add 'Geen fase' --kind improve --journey mor", 64),
        ("opportunity add 'Te groot' --impact 7 --effort 2", 64),
        ("opportunity edit O1 --confidence 101", 64),
        ("finding add 'Te zwaar' --kind improve --journey mor --phase contact --severity 0", 64),
        ("item add 'Rare datum' --due-date 2014-13-45", 64),
        ("item edit R1 --start-date 2014-02-30", 64),
        ("finding list --frobnicate", 64),
        ("finding add", 64),
        ("frobnicate", 64),
        ("finding add 'Onbekende fase' --kind improve --journey mor --phase wachten", 1),
        ("finding add 'Onbekende reis' --kind improve --journey xyz --phase contact", 1),
        ("metric add Hoofd_Letters --name x --unit y", 64),
        ("metric add tevredenheid --name dubbel --unit y", 1),
        ("item depend R2 --on R1", 1),
        ("item status R1 misschien", 64),
        ("journey remove mor", 1),
        ("finding remove F1", 1),
        ("finding add 'Kind fout' --kind bad --journey mor --phase contact", 64),
        ("item link R1 --expect 2", 64),
        ("init", 1),
        ("import missing.json", 1),
    ]

    @Test(arguments: mistakes)
    func mistakeIsRefusedCleanly(_ line: String, _ expected: Int32) throws {
        let cli = try Self.filled()
        defer { cli.cleanUp() }
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let result = try cli.run(line)
        #expect(result.status == expected, "\(line): exit \(result.status), \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(line) printed: \(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: "), "\(line): \(result.stderr)")
        #expect(cli.bytes("roadmap.sqlite") == before, "\(line) changed the file")
    }

    @Test func aFileThatIsNotARoadmapIsLeftAlone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let text = Data("Dit is geen database.\n".utf8)
        try text.write(to: URL(fileURLWithPath: cli.path("notes.txt")))
        try Data(#"{"format": "molensloot-roadmap", "version": 1}"#.utf8).write(to: URL(fileURLWithPath: cli.path("x.json")))
        for line in ["--db notes.txt status", "--db notes.txt finding add X --kind good --journey a --phase b",
                     "--db notes.txt import x.json"] {
            let result = try cli.run(line)
            #expect(result.status == 1)
            #expect(result.stderr.contains("not a Molensloot database"), "\(result.stderr)")
            #expect(cli.bytes("notes.txt") == text)
        }
    }

    @Test func aNewerSchemaIsRefusedUntouched() throws {
        let cli = try Self.filled()
        defer { cli.cleanUp() }
        try SQLiteFile.setUserVersion(cli.path("roadmap.sqlite"), 99)
        let before = try #require(cli.bytes("roadmap.sqlite"))
        for line in ["status", "finding add X --kind good --journey mor --phase contact"] {
            let result = try cli.run(line)
            #expect(result.status == 1)
            #expect(result.stderr.contains("newer Molensloot"), "\(result.stderr)")
        }
        #expect(cli.bytes("roadmap.sqlite") == before)
    }

    @Test func anotherSQLiteFileIsRefusedUntouched() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try SQLiteFile.create(cli.path("other.sqlite"), sql: "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('a');")
        let before = try #require(cli.bytes("other.sqlite"))
        let result = try cli.run("--db other.sqlite status")
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a Molensloot roadmap"))
        #expect(cli.bytes("other.sqlite") == before)
    }

    @Test func aMissingFileIsNotCreated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run("--db nothing.sqlite finding list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("molensloot init"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("nothing.sqlite")))
    }

    @Test func aFailedImportIntoANewFileLeavesNoFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let document = #"{"format": "molensloot-roadmap", "version": 1, "findings": [{"id": "F1", "kind": "improve"}]}"#
        try Data(document.utf8).write(to: URL(fileURLWithPath: cli.path("bad.json")))
        let result = try cli.run("--db new.sqlite import bad.json")
        #expect(result.status == 1)
        #expect(result.stderr.contains("findings[0]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("new.sqlite")))
    }
}
