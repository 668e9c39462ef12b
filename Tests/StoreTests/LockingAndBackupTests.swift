import Foundation
import Store
import Testing

@Suite("Locking and backups")
final class LockingAndBackupTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    // MARK: Busy

    @Test func aSecondWriterGetsBusyAfterTheTimeoutInsteadOfHanging() throws {
        let path = scratch.path("roadmap.sqlite")
        let first = try Fixture.create(path, busyTimeout: 100)
        let second = try Connection(path: path, mode: .readWrite, busyTimeout: 100)
        try second.prepare(for: Fixture.schema3, allowCreate: false)

        let clock = ContinuousClock()
        try first.transaction(.write) {
            try first.run("INSERT INTO goals(title) VALUES ('first')")

            let start = clock.now
            #expect(throws: StoreError.busy(path: path)) {
                try second.run("INSERT INTO goals(title) VALUES ('second')")
            }
            let elapsed = clock.now - start
            #expect(elapsed >= .milliseconds(50), "the busy timeout was not waited for: \(elapsed)")

            // A write transaction is refused at BEGIN IMMEDIATE, before its body runs.
            var bodyRan = false
            #expect(throws: StoreError.busy(path: path)) {
                try second.transaction(.write) { bodyRan = true }
            }
            #expect(!bodyRan)
            // Reading is still possible in WAL mode, and does not see the uncommitted row.
            #expect(try Fixture.titles(second) == ["added by v3"])
        }
        // Once the first has committed the second writes normally (its depth was reset).
        try second.transaction(.write) { _ = try second.run("INSERT INTO goals(title) VALUES ('second')") }
        #expect(try Fixture.titles(first) == ["added by v3", "first", "second"])
    }

    // MARK: Backup

    @Test func aBackupOpensAndHoldsTheSameRows() throws {
        let source = scratch.path("roadmap.sqlite")
        let target = scratch.path("backup.sqlite")
        let db = try Fixture.create(source)
        for title in ["Dry feet", "Clean water", "Ĳssel — dyke 🚜"] {
            try db.run("INSERT INTO goals(title, note) VALUES (?, ?)", [.text(title), .text("note for \(title)")])
        }
        try db.run("INSERT INTO steps(goal, weight) VALUES (2, 0.75)")
        let select = "SELECT g.id, g.title, g.note, s.weight FROM goals g LEFT JOIN steps s ON s.goal = g.id ORDER BY g.id"
        let expected = try db.query(select).map(\.values)
        #expect(expected.count == 4)

        try db.backup(to: target)
        #expect(try scratch.listing() == ["backup.sqlite", "roadmap.sqlite", "roadmap.sqlite-shm", "roadmap.sqlite-wal"])

        do {
            // One self-contained file, not in WAL mode.
            let copy = try Connection(path: target, mode: .readOnly)
            #expect(try copy.scalar("PRAGMA journal_mode") == .text("delete"))
            #expect(try copy.query(select).map(\.values) == expected)
        }
        let copy = try Connection(path: target, mode: .readWrite)
        try copy.prepare(for: Fixture.schema3, allowCreate: false)
        #expect(try copy.pragma("user_version") == 3)
        #expect(try copy.pragma("application_id") == Int64(Fixture.applicationID))
        #expect(try copy.query(select).map(\.values) == expected)

        // The two are independent afterwards.
        try db.run("DELETE FROM steps")
        #expect(try copy.scalar("SELECT count(*) FROM steps") == .integer(1))
    }

    @Test func aBackupRefusesAnExistingTarget() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        let name = "precious.txt"
        let target = scratch.path(name)
        try scratch.write("do not overwrite me\n", to: name)
        let listing = try scratch.listing()
        #expect(throws: StoreError.exists(path: target)) { try db.backup(to: target) }
        #expect(try scratch.bytes(name) == Data("do not overwrite me\n".utf8))
        #expect(try scratch.listing() == listing)

        // Also when the existing target is an earlier backup.
        let earlier = scratch.path("earlier.sqlite")
        try db.backup(to: earlier)
        let before = try scratch.bytes("earlier.sqlite")
        try db.run("INSERT INTO goals(title) VALUES ('later')")
        #expect(throws: StoreError.exists(path: earlier)) { try db.backup(to: earlier) }
        #expect(try scratch.bytes("earlier.sqlite") == before)
    }

    @Test func aBackupIntoAMissingFolderFailsAndLeavesNothing() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        let target = scratch.path("missing-folder/backup.sqlite")
        let error = #expect(throws: StoreError.self) { try db.backup(to: target) }
        guard case .cannotOpen(let path, _)? = error else {
            Issue.record("expected .cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == target)
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
