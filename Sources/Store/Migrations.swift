/// One step of the schema; applied in order, each exactly once.
public struct Migration: Sendable {
    public let version: Int
    public let sql: String

    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}

/// What makes a file ours: an application id in the header and a list of migrations whose count
/// is the schema version kept in `PRAGMA user_version`.
public struct Schema: Sendable {
    public let applicationID: Int32
    public let migrations: [Migration]

    public init(applicationID: Int32, migrations: [Migration]) {
        self.applicationID = applicationID
        self.migrations = migrations
    }

    public var version: Int { migrations.count }
}

extension Connection {
    /// Checks that the file belongs to `schema` before anything is written to it, then switches on
    /// WAL and foreign keys and applies the migrations it lacks in one transaction. A file that is
    /// not ours, or comes from a newer version, is refused untouched.
    public func prepare(for schema: Schema, allowCreate: Bool) throws {
        let applicationID = try pragma("application_id")
        let found = Int(try pragma("user_version"))
        let isEmpty = try scalar("SELECT count(*) FROM sqlite_schema").int == 0
        let ours = applicationID == Int64(schema.applicationID)
        // An empty file is only taken when it is new: no version, and no other application's id.
        if isEmpty && (!allowCreate || found != 0 || (applicationID != 0 && !ours)) {
            throw StoreError.foreignDatabase(path: path)
        }
        if !isEmpty && !ours { throw StoreError.foreignDatabase(path: path) }
        if found > schema.version {
            throw StoreError.newerSchema(path: path, found: found, known: schema.version)
        }
        try execute("PRAGMA foreign_keys=ON")
        if try scalar("PRAGMA journal_mode").string != "wal" {
            // A file made by an older version (or another tool) may have a rollback journal.
            // Switching needs the file alone, and SQLite refuses at once, without waiting, while
            // another process writes: then this process works with the rollback journal as well,
            // and a later one makes the switch.
            do {
                try execute("PRAGMA journal_mode=WAL")
            } catch StoreError.busy {}
        }
        guard found < schema.version else { return }
        try transaction {
            // Another process may have migrated the file while this one waited for the lock.
            let current = Int(try pragma("user_version"))
            if current > schema.version {
                throw StoreError.newerSchema(path: path, found: current, known: schema.version)
            }
            if isEmpty { try execute("PRAGMA application_id=\(schema.applicationID)") }
            for migration in schema.migrations where migration.version > current {
                try execute(migration.sql)
            }
            try execute("PRAGMA user_version=\(schema.version)")
        }
    }
}
