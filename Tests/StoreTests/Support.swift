import Foundation
import Store
import Testing

/// A fresh folder per test, removed when the test's suite instance goes away.
final class Scratch {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("molensloot-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func path(_ name: String) -> String { folder + "/" + name }

    /// The names in the folder, sorted: shows stray -wal, -shm, -journal or .part files.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }
}

/// The error a test throws on purpose; `id` tells two of them apart.
struct Planned: Error, Equatable {
    let id: Int
}

enum Fixture {
    static let applicationID: Int32 = 0x4D4F_4C4E  // "MOLN"

    static let v1 = Migration(version: 1, sql: """
        CREATE TABLE goals(
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL UNIQUE
        );
        """)
    static let v2 = Migration(version: 2, sql: """
        CREATE TABLE steps(
            id INTEGER PRIMARY KEY,
            goal INTEGER NOT NULL REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED,
            weight REAL,
            CONSTRAINT positive_weight CHECK (weight > 0)
        );
        """)
    static let v3 = Migration(version: 3, sql: """
        ALTER TABLE goals ADD COLUMN note TEXT;
        INSERT INTO goals(title, note) VALUES ('added by v3', 'migration');
        """)

    static let schema1 = Schema(applicationID: applicationID, migrations: [v1])
    static let schema3 = Schema(applicationID: applicationID, migrations: [v1, v2, v3])

    /// A new, prepared roadmap at `path` with the full schema.
    static func create(_ path: String, busyTimeout: Int32 = 5_000) throws -> Connection {
        let db = try Connection(path: path, mode: .create, busyTimeout: busyTimeout)
        try db.prepare(for: schema3, allowCreate: true)
        return db
    }

    static func titles(_ db: Connection) throws -> [String] {
        try db.query("SELECT title FROM goals ORDER BY id").map { $0.string(0) }
    }
}
