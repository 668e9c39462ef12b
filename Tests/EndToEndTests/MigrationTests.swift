import Foundation
import Testing

/// A roadmap written by the first schema version opens in this one, is migrated and keeps
/// every record.
@Suite struct MigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func aVersionOneFileIsMigratedWithEveryRecord() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let copy = URL(fileURLWithPath: cli.path("old.sqlite"))
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("roadmap-v1.sqlite"), to: copy)
        let exported = try cli.run("--db old.sqlite export")
        #expect(exported.status == 0, "\(exported.stderr)")
        let now = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let before = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixtures.appendingPathComponent("roadmap-v1.json"))) as? [String: Any])
        // Every section of the old export comes back unchanged; only new sections are added.
        // Metrics gained a kind in version 4: mean, the only kind there was before.
        var metrics = now["metrics"] as? [[String: Any]] ?? []
        #expect(!metrics.isEmpty && metrics.allSatisfy { $0["kind"] as? String == "mean" })
        for index in metrics.indices { metrics[index]["kind"] = nil }
        var current = now
        current["metrics"] = metrics
        for (key, value) in before where key != "version" && key != "next_ids" {
            #expect(NSDictionary(dictionary: [key: value]).isEqual(to: [key: current[key] as Any]), "\(key) changed in the migration")
        }
        #expect((now["findings"] as? [Any])?.count == 1)
        #expect(try SQLiteFile.userVersion(copy.path) == 6)
        #expect(try cli.run("--db old.sqlite check").status == 0)
        // The history written by the old version is still there.
        let log = try cli.run("--db old.sqlite log --limit 100 --json")
        #expect((try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [Any])?.count == 26)
    }
}
