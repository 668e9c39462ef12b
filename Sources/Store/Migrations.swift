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
        let applicationID: Int64
        let found: Int
        do {
            applicationID = try pragma("application_id")
            found = Int(try pragma("user_version"))
        } catch StoreError.sqlite(let code, _) where code == 26 {
            throw StoreError.notADatabase(path: path)
        }
        let isEmpty = try scalar("SELECT count(*) FROM sqlite_schema").int == 0
        if isEmpty && !allowCreate { throw StoreError.foreignDatabase(path: path) }
        if !isEmpty && applicationID != Int64(schema.applicationID) { throw StoreError.foreignDatabase(path: path) }
        if found > schema.version {
            throw StoreError.newerSchema(path: path, found: found, known: schema.version)
        }
        try execute("PRAGMA foreign_keys=ON")
        if try scalar("PRAGMA journal_mode").string != "wal" {
            try execute("PRAGMA journal_mode=WAL")
        }
        guard found < schema.version else { return }
        try transaction {
            if isEmpty { try execute("PRAGMA application_id=\(schema.applicationID)") }
            for migration in schema.migrations where migration.version > found {
                try execute(migration.sql)
            }
            try execute("PRAGMA user_version=\(schema.version)")
        }
    }
}
