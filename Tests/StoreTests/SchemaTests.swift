import Foundation
import Store
import Testing

@Suite("Schema: prepare(for:allowCreate:)")
final class SchemaTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// Opens `name`, expects `prepare` to throw `expected`, and checks that neither the file nor
    /// the folder changed (no stray -wal, -shm or -journal left behind).
    func expectRefusedUntouched(
        _ name: String, schema: Schema = Fixture.schema3, allowCreate: Bool, expected: StoreError,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try scratch.bytes(name)
        let listing = try scratch.listing()
        do {
            let db = try Connection(path: scratch.path(name), mode: .readWrite)
            #expect(throws: expected, sourceLocation: sourceLocation) {
                try db.prepare(for: schema, allowCreate: allowCreate)
            }
        }
        #expect(try scratch.bytes(name) == before, "file changed", sourceLocation: sourceLocation)
        #expect(try scratch.listing() == listing, sourceLocation: sourceLocation)
    }

    /// Reads a big-endian 32-bit field of the SQLite header.
    func headerField(_ name: String, at offset: Int) throws -> Int32 {
        let bytes = [UInt8](try scratch.bytes(name).prefix(100))
        try #require(bytes.count == 100)
        let value = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: value)
    }

    @Test func createsTheSchemaOnANewFile() throws {
        let name = "new.sqlite"
        let path = scratch.path(name)
        do {
            let db = try Connection(path: path, mode: .create)
            try db.prepare(for: Fixture.schema3, allowCreate: true)
            #expect(try db.pragma("user_version") == 3)
            #expect(try db.pragma("application_id") == Int64(Fixture.applicationID))
            let tables = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            #expect(tables.map { $0.string(0) } == ["goals", "steps"])
            #expect(try Fixture.titles(db) == ["added by v3"])
        }
        // On disk, after the connection closed: header fields at offsets 60 and 68.
        #expect(try headerField(name, at: 60) == 3)
        #expect(try headerField(name, at: 68) == Fixture.applicationID)
        #expect(try scratch.listing() == [name])

        // Opening it again is a no-op: no migration runs twice.
        let again = try Connection(path: path, mode: .readWrite)
        try again.prepare(for: Fixture.schema3, allowCreate: false)
        try again.prepare(for: Fixture.schema3, allowCreate: false)
        #expect(try Fixture.titles(again) == ["added by v3"])
        #expect(try again.pragma("user_version") == 3)
    }

    @Test func aNegativeApplicationIDIsRecognisedAsOurs() throws {
        let schema = Schema(applicationID: Int32(bitPattern: 0xF00D_CAFE), migrations: [Fixture.v1])
        let path = scratch.path("negative.sqlite")
        do {
            let db = try Connection(path: path, mode: .create)
            try db.prepare(for: schema, allowCreate: true)
            try db.run("INSERT INTO goals(title) VALUES ('kept')")
        }
        let db = try Connection(path: path, mode: .readWrite)
        try db.prepare(for: schema, allowCreate: false)
        #expect(try Fixture.titles(db) == ["kept"])
    }

    @Test func appliesOnlyTheMissingMigrationsAndKeepsRows() throws {
        let name = "old.sqlite"
        let path = scratch.path(name)
        do {
            let db = try Connection(path: path, mode: .create)
            try db.prepare(for: Fixture.schema1, allowCreate: true)
            #expect(try db.pragma("user_version") == 1)
            try db.run("INSERT INTO goals(title) VALUES (?)", ["Dry feet"])
            try db.run("INSERT INTO goals(title) VALUES (?)", ["Clean water"])
        }
        // Re-running migration 1 would fail with "table goals already exists".
        let db = try Connection(path: path, mode: .readWrite)
        try db.prepare(for: Fixture.schema3, allowCreate: false)
        #expect(try db.pragma("user_version") == 3)
        #expect(try db.pragma("application_id") == Int64(Fixture.applicationID))
        #expect(try Fixture.titles(db) == ["Dry feet", "Clean water", "added by v3"])
        #expect(try db.query("SELECT note FROM goals ORDER BY id").map(\.values) == [[nil], [nil], ["migration"]])
        try db.run("INSERT INTO steps(goal, weight) VALUES (1, 2.5)")
        #expect(try db.scalar("SELECT weight FROM steps") == .real(2.5))
    }

    @Test func aFailingMigrationLeavesTheFileAtItsOldVersion() throws {
        let path = scratch.path("old.sqlite")
        do {
            let db = try Connection(path: path, mode: .create)
            try db.prepare(for: Fixture.schema1, allowCreate: true)
            try db.run("INSERT INTO goals(title) VALUES ('Dry feet')")
        }
        let broken = Schema(applicationID: Fixture.applicationID, migrations: [
            Fixture.v1, Fixture.v2,
            Migration(version: 3, sql: "INSERT INTO goals(title) VALUES ('half'); SELECT * FROM nowhere;"),
        ])
        let db = try Connection(path: path, mode: .readWrite)
        #expect(throws: StoreError.sqlite(code: 1, message: "no such table: nowhere")) {
            try db.prepare(for: broken, allowCreate: false)
        }
        #expect(try db.pragma("user_version") == 1)
        #expect(try Fixture.titles(db) == ["Dry feet"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'steps'") == .integer(0))
    }

    @Test func refusesANewerFileAndLeavesItByteForByteIdentical() throws {
        let name = "newer.sqlite"
        do {
            let db = try Fixture.create(scratch.path(name))
            try db.run("INSERT INTO goals(title) VALUES ('from the future')")
        }
        try expectRefusedUntouched(
            name, schema: Fixture.schema1, allowCreate: false,
            expected: .newerSchema(path: scratch.path(name), found: 3, known: 1))
        try expectRefusedUntouched(
            name, schema: Fixture.schema1, allowCreate: true,
            expected: .newerSchema(path: scratch.path(name), found: 3, known: 1))
        // Still a good file for the version that wrote it.
        let db = try Connection(path: scratch.path(name), mode: .readWrite)
        try db.prepare(for: Fixture.schema3, allowCreate: false)
        #expect(try Fixture.titles(db) == ["added by v3", "from the future"])
    }

    @Test(arguments: [0, 400])
    func refusesATextFileAndLeavesItByteForByteIdentical(csvLines: Int) throws {
        let name = "notes.txt"
        let text = "title;goal;weight\n" + String(repeating: "Dry feet;1;0.5\n", count: csvLines)
        try scratch.write(text, to: name)
        for allowCreate in [false, true] {
            try expectRefusedUntouched(
                name, allowCreate: allowCreate, expected: .notADatabase(path: scratch.path(name)))
        }
        #expect(try scratch.bytes(name) == Data(text.utf8))
    }

    @Test(arguments: [Int32?.none, 0x1234_5678, Fixture.applicationID + 1])
    func refusesAnotherApplicationsFileAndLeavesItByteForByteIdentical(applicationID: Int32?) throws {
        let name = "other.sqlite"
        do {
            let db = try Connection(path: scratch.path(name), mode: .create)
            if let applicationID { try db.execute("PRAGMA application_id=\(applicationID)") }
            try db.execute("CREATE TABLE goals(id INTEGER PRIMARY KEY, title TEXT); PRAGMA user_version=1;")
            try db.run("INSERT INTO goals(title) VALUES ('theirs')")
        }
        for allowCreate in [false, true] {
            try expectRefusedUntouched(
                name, allowCreate: allowCreate, expected: .foreignDatabase(path: scratch.path(name)))
        }
        let db = try Connection(path: scratch.path(name), mode: .readOnly)
        #expect(try db.scalar("SELECT title FROM goals") == .text("theirs"))
    }

    @Test func refusesAnOtherApplicationsFileInWALModeAndLeavesItByteForByteIdentical() throws {
        let name = "other-wal.sqlite"
        do {
            let db = try Connection(path: scratch.path(name), mode: .create)
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA application_id=42; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        }
        try expectRefusedUntouched(name, allowCreate: true, expected: .foreignDatabase(path: scratch.path(name)))
    }

    @Test func refusesAnExistingEmptyFileWhenCreatingIsNotAllowed() throws {
        let name = "empty.sqlite"
        try scratch.write("", to: name)
        try expectRefusedUntouched(name, allowCreate: false, expected: .foreignDatabase(path: scratch.path(name)))
        #expect(try scratch.bytes(name).isEmpty)

        // The same file is taken when creating is allowed.
        let db = try Connection(path: scratch.path(name), mode: .readWrite)
        try db.prepare(for: Fixture.schema3, allowCreate: true)
        #expect(try db.pragma("user_version") == 3)
    }

    @Test func refusesAnEmptySQLiteFileWithHeaderWhenCreatingIsNotAllowed() throws {
        // A real SQLite file (a full header, page size set) but no tables in it.
        let name = "blank.sqlite"
        do {
            let db = try Connection(path: scratch.path(name), mode: .create)
            try db.execute("CREATE TABLE t(x); DROP TABLE t;")
        }
        #expect((fileSize(scratch.path(name)) ?? 0) >= 100)
        try expectRefusedUntouched(name, allowCreate: false, expected: .foreignDatabase(path: scratch.path(name)))
    }

    /// A file without tables is only new when its header is: another application's fresh file
    /// (its application_id or user_version already set) is not claimed.
    @Test(arguments: ["PRAGMA application_id=42", "PRAGMA user_version=3"])
    func refusesATablelessFileThatAnotherApplicationAlreadyClaimed(pragma: String) throws {
        let name = "claimed.sqlite"
        do {
            let db = try Connection(path: scratch.path(name), mode: .create)
            try db.execute(pragma)
        }
        try expectRefusedUntouched(name, allowCreate: true, expected: .foreignDatabase(path: scratch.path(name)))
    }

    /// When another process migrates the file while this one waits for the write lock, the
    /// migrations are not run twice: the version is read again under the lock.
    @Test func aConcurrentUpgradeByAnotherConnectionIsNotAppliedTwice() throws {
        let path = scratch.path("old.sqlite")
        do {
            let db = try Connection(path: path, mode: .create)
            try db.prepare(for: Fixture.schema1, allowCreate: true)
        }
        final class Outcome: @unchecked Sendable {
            let started = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            var error: (any Error)?
        }
        let outcome = Outcome()
        let other = try Connection(path: path, mode: .readWrite)
        try other.transaction(.write) {
            Thread.detachNewThread {
                do {
                    let late = try Connection(path: path, mode: .readWrite, busyTimeout: 10_000)
                    outcome.started.signal()
                    try late.prepare(for: Fixture.schema3, allowCreate: false)
                } catch {
                    outcome.error = error
                }
                outcome.finished.signal()
            }
            outcome.started.wait()
            usleep(300_000)  // the late one has read user_version 1 and waits for the write lock
            // What a `prepare(for: schema3)` in another process does meanwhile.
            try other.execute(Fixture.v2.sql)
            try other.execute(Fixture.v3.sql)
            try other.execute("PRAGMA user_version=3")
        }
        outcome.finished.wait()
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(try other.pragma("user_version") == 3)
        #expect(try Fixture.titles(other) == ["added by v3"])
    }

    @Test func walAndForeignKeysAreOnAfterPrepare() throws {
        let path = scratch.path("roadmap.sqlite")
        do {
            let db = try Fixture.create(path)
            #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
            #expect(try db.pragma("foreign_keys") == 1)
        }
        // WAL sticks to the file; foreign keys are per connection and come from prepare.
        let db = try Connection(path: path, mode: .readWrite)
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.pragma("foreign_keys") == 0)
        try db.prepare(for: Fixture.schema3, allowCreate: false)
        #expect(try db.pragma("foreign_keys") == 1)
        #expect(throws: StoreError.constraint("FOREIGN KEY constraint failed")) {
            try db.run("INSERT INTO steps(goal, weight) VALUES (12345, 1)")
        }
        #expect(try db.scalar("SELECT count(*) FROM steps") == .integer(0))
    }
}
