import CSQLite

/// One open SQLite file. Not shared between threads: every command opens its own.
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var depth = 0

    public enum Mode: Sendable {
        /// The file must exist.
        case readWrite
        /// The file is created when missing.
        case create
        case readOnly
    }

    public init(path: String, mode: Mode, busyTimeout milliseconds: Int32 = 5_000) throws {
        self.path = path
        if mode != .create, !fileExists(path) { throw StoreError.missing(path: path) }
        var handle: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .create: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags = SQLITE_OPEN_READONLY
        }
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let error = StoreError.from(code: code, handle: handle, path: path)
            sqlite3_close_v2(handle)
            throw error
        }
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, milliseconds)
        (self.handle, writeRefusal) = try Connection.readable(handle, path: path, mode: mode)
    }

    /// Why this connection cannot write, when it had to be opened as immutable to read at all.
    private let writeRefusal: StoreError?

    /// A file in WAL mode needs its shared-memory index beside it (`-shm`). When this process may
    /// not create that index (a folder of another user, a read-only mount, a full disk), SQLite
    /// refuses even to read the file. Such a file is opened again as immutable: nobody can have it
    /// open for writing, or the index would exist. Reads then work; a write is refused, with the
    /// reason the index could not be made. A file locked for longer than the busy timeout is
    /// reported at once, rather than waited for a second time by the first statement.
    private static func readable(_ handle: OpaquePointer, path: String, mode: Mode) throws -> (OpaquePointer, StoreError?) {
        guard mode != .create else { return (handle, nil) }
        let code = sqlite3_exec(handle, "SELECT count(*) FROM sqlite_schema", nil, nil, nil)
        guard code != SQLITE_OK else { return (handle, nil) }
        let failure = StoreError.from(code: code, handle: handle, path: path)
        let reason: StoreError
        switch failure {
        case .diskFull:
            reason = failure
        case .readOnly, .cannotOpen:
            guard sqlite3_db_readonly(handle, "main") == 1 else { return (handle, nil) }
            reason = .readOnly(path: path)
        case .busy:
            sqlite3_close_v2(handle)
            throw failure
        default:
            return (handle, nil)
        }
        var immutable: OpaquePointer?
        let uri = "file:" + uriEscaped(path) + "?immutable=1"
        let reopened = sqlite3_open_v2(uri, &immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
        guard reopened == SQLITE_OK, let immutable else {
            sqlite3_close_v2(immutable)
            return (handle, nil)
        }
        sqlite3_close_v2(handle)
        sqlite3_extended_result_codes(immutable, 1)
        return (immutable, reason)
    }

    /// A path as the path part of a `file:` URI.
    private static func uriEscaped(_ path: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var escaped: [UInt8] = []
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte < 0x20 {
                escaped += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            } else {
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ code: Int32) -> StoreError {
        if let writeRefusal, code & 0xFF == SQLITE_READONLY { return writeRefusal }
        return StoreError.from(code: code, handle: handle, path: path)
    }

    /// Runs SQL without parameters, several statements at once; for schema and pragmas.
    public func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Prepared statements are cached by their text: the same SQL is compiled once per process.
    /// A cached statement that is still being stepped (the same query run inside its own loop)
    /// is not handed out again: that would restart the outer loop.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql], sqlite3_stmt_busy(cached.handle) == 0 { return cached }
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &pointer, nil)
        guard code == SQLITE_OK, let pointer else { throw error(code) }
        let statement = Statement(handle: pointer, connection: self)
        if statements[sql] == nil { statements[sql] = statement }
        return statement
    }

    /// Runs one statement that returns no rows; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.finish() }
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, values) { rows.append($0) }
        return rows
    }

    public func forEach(_ sql: String, _ values: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.finish() }
        while try statement.step() { try body(statement.row()) }
    }

    public func first(_ sql: String, _ values: [SQLValue] = []) throws -> Row? {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.finish() }
        return try statement.step() ? statement.row() : nil
    }

    public func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> SQLValue {
        try first(sql, values)?[0] ?? .null
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public enum TransactionKind: Sendable {
        /// Reads a consistent snapshot.
        case read
        /// Takes the write lock at once: a deferred transaction that writes later can fail with
        /// "busy" immediately, whatever the busy timeout, when another process writes too.
        case write
    }

    /// Runs `body` in one transaction; nested calls join the outer one. On error everything is
    /// rolled back and the first error is rethrown, even when the rollback fails too.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .write, _ body: () throws -> T) throws -> T {
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try body()
        }
        try execute(kind == .write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        depth = 1
        defer { depth = 0 }
        let result: T
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return result
    }

    public func pragma(_ name: String) throws -> Int64 {
        try scalar("PRAGMA \(name)").int ?? 0
    }

    /// Copies the whole database with SQLite's online backup into a new file, written beside the
    /// target first and linked into place, so a half-written backup never carries the name and an
    /// existing file is never overwritten.
    public func backup(to target: String) throws {
        if fileExists(target) { throw StoreError.exists(path: target) }
        let temporary = target + ".part-\(processID())"
        if fileExists(temporary) { throw StoreError.exists(path: temporary) }
        var destination: OpaquePointer?
        var code = sqlite3_open_v2(temporary, &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let destination else {
            let failure = StoreError.from(code: code, handle: destination, path: target)
            sqlite3_close_v2(destination)
            throw failure
        }
        defer { sqlite3_close_v2(destination) }
        guard let backup = sqlite3_backup_init(destination, "main", handle, "main") else {
            let failure = StoreError.from(code: sqlite3_errcode(destination), handle: destination, path: target)
            removeFile(temporary)
            throw failure
        }
        code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            removeFile(temporary)
            throw StoreError.from(code: code, handle: destination, path: target)
        }
        // A backup is one self-contained file: no WAL beside it.
        code = sqlite3_exec(destination, "PRAGMA journal_mode=DELETE", nil, nil, nil)
        guard code == SQLITE_OK else {
            removeFile(temporary)
            throw StoreError.cannotOpen(path: target, reason: "could not write the backup")
        }
        let placed = linkFile(temporary, target)
        removeFile(temporary)
        guard placed else { throw StoreError.exists(path: target) }
    }
}
