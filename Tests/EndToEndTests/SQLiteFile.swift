import Store

/// Direct access to a database file for setting up situations the CLI must refuse.
enum SQLiteFile {
    static func setUserVersion(_ path: String, _ version: Int) throws {
        let connection = try Connection(path: path, mode: .readWrite)
        try connection.execute("PRAGMA journal_mode=DELETE; PRAGMA user_version=\(version)")
    }

    static func userVersion(_ path: String) throws -> Int64 {
        try Connection(path: path, mode: .readOnly).pragma("user_version")
    }

    static func create(_ path: String, sql: String) throws {
        let connection = try Connection(path: path, mode: .create)
        try connection.execute(sql)
    }
}

extension SQLiteFile {
    static func execute(_ path: String, _ sql: String) throws {
        try Connection(path: path, mode: .readWrite).execute(sql)
    }
}
