import Foundation
import Testing

/// The key file of the case-key hashes through the built binary: without it contacts are
/// refused with the way to provide it and everything else keeps working; `key create`, `key
/// show` and `key move`; the secret never in the roadmap, its export or the site.
@Suite struct KeyCommandTests {
    static let contacts = "date;channel;reason;case\n2014-03-03 09:00;telefoon;Afval;Z-2014-000101\n"
        + "2014-03-05 10:00;web;Afval;Z-2014-000101\n"

    static func roadmap() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init --name Molensloot")
        try cli.ok("cycle open Voorjaar --start 2014-03-01 --end 2014-06-30")
        try Data(contacts.utf8).write(to: URL(fileURLWithPath: cli.path("contacten.csv")))
        return cli
    }

    @Test func withoutAKeyFileContactsAreRefusedAndEverythingElseWorks() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let keyFile = try #require(cli.environment["MOLENSLOOT_KEY_FILE"])
        let refused = try cli.run("volume import contacten.csv")
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: no key file at \(keyFile) for hashing case keys; make one with 'molensloot key create', "
                + "or name your municipality's key with --key-file PATH or $MOLENSLOOT_KEY_FILE\n")
        #expect((try cli.json("volume repeats --json") as? [String: Any])?["contacts"] as? Int == 0)
        for line in ["status", "check", "export", "finding list", "site build --out site"] { try cli.ok(line) }
        try Data("period;channel;count\n2014-03;web;12\n".utf8).write(to: URL(fileURLWithPath: cli.path("tellingen.csv")))
        try cli.ok("volume import tellingen.csv")
    }

    @Test func keyCreateMakesAPrivateFileAndTheImportUsesIt() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let made = try cli.ok("key create --key-file eigen.key")
        #expect(made.stdout.hasPrefix("made the key file eigen.key (key id "))
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("eigen.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try cli.run("key create --key-file eigen.key")
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        try cli.ok("volume import contacten.csv --key-file eigen.key")
        let keyBytes = try #require(cli.bytes("eigen.key"))
        let secret = try #require(String(data: keyBytes, encoding: .utf8)?.trimmingCharacters(in: .newlines))
        #expect(secret.count == 32)

        // Another key file is not this roadmap's key.
        try cli.ok("key create")
        let wrong = try cli.run("volume import contacten.csv")
        #expect(wrong.status == 1 && wrong.stderr.contains("is not the key this roadmap's contacts were hashed with"))
        let show = try #require(try cli.json("key show --json --key-file eigen.key") as? [String: Any])
        #expect(show["matches"] as? Bool == true && show["contacts"] as? Int == 2 && show["secret_in_roadmap"] as? Bool == false)

        // The secret is in no file of the roadmap, the export or the site.
        try cli.ok("export --out export.json")
        try cli.ok("site build --out site")
        var holders: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: cli.directory.path)
        while let name = enumerator?.nextObject() as? String {
            guard name != "eigen.key", let bytes = cli.bytes(name) else { continue }
            let halves = [secret.prefix(16), secret.suffix(16)].map { Data($0.utf8) }
            if halves.contains(where: { bytes.range(of: $0) != nil }) { holders.append(name) }
        }
        #expect(holders.isEmpty, "these files hold the secret: \(holders)")
    }

    @Test func anOlderFileGivesItsSecretUpToKeyMove() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let secret = "00112233445566778899aabbccddeeff"
        try SQLiteFile.execute(cli.path("roadmap.sqlite"), "INSERT INTO settings (key, value) VALUES ('contact_key', '\(secret)')")
        let refused = try cli.run("volume import contacten.csv")
        #expect(refused.status == 1 && refused.stderr.contains("move it into a key file with 'molensloot key move' first"))
        #expect(try cli.ok("key show").stdout.contains("still holds the secret"))
        let moved = try cli.ok("key move --key-file bewaard.key")
        #expect(moved.stdout.hasPrefix("moved the secret into bewaard.key"))
        let kept = try #require(cli.bytes("bewaard.key"))
        #expect(String(data: kept, encoding: .utf8) == secret + "\n")
        for suffix in ["", "-wal"] {
            #expect(cli.bytes("roadmap.sqlite" + suffix)?.range(of: Data(secret.utf8)) == nil, "roadmap.sqlite\(suffix) holds the secret")
        }
        try cli.ok("volume import contacten.csv --key-file bewaard.key")
    }
}
