import CSQLite

/// A statement compiled once and run many times, with values bound by position: for bulk work
/// such as importing a million survey responses, where `Connection.run(_:_:)` would cost more
/// than the insert itself (an array of `SQLValue`s per row, a cache lookup that hashes the SQL
/// text, and every parameter cleared and bound again).
///
/// Bindings stay in place between runs, so values that are the same for every row are bound once.
/// The statement keeps its connection open; it is not cached and not shared, and like the
/// connection it belongs to one thread.
public final class PreparedStatement {
    private let handle: OpaquePointer
    private let connection: Connection

    /// SQLite copies the bytes during the bind: a Swift string's storage is only lent for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate init(handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// How many `?` parameters the statement has; they are numbered from 1.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds text, or NULL for nil. The string's UTF-8 is handed over with its length, without
    /// an intermediate C string, and may hold any character including NUL.
    public func bind(_ text: String?, at index: Int) throws {
        guard var text else { return try bindNull(at: index) }
        let position = try parameter(index)
        var code = text.utf8.withContiguousStorageIfAvailable { bytes in
            bind(bytes, at: position)
        }
        if code == nil {
            // Only strings bridged from elsewhere lack contiguous UTF-8; one copy makes it so.
            text.makeContiguousUTF8()
            code = text.utf8.withContiguousStorageIfAvailable { bytes in bind(bytes, at: position) }
        }
        try check(code ?? SQLITE_MISUSE)
    }

    public func bind(_ value: Double?, at index: Int) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_double(handle, try parameter(index), value))
    }

    public func bind(_ value: Int64?, at index: Int) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_int64(handle, try parameter(index), value))
    }

    public func bind(_ value: SQLValue, at index: Int) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let int): try bind(int, at: index)
        case .real(let double): try bind(double, at: index)
        case .text(let text): try bind(text, at: index)
        }
    }

    public func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, try parameter(index)))
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Runs the statement to its end with the values bound now, and makes it ready to run again
    /// (the bindings stay). Returns the number of rows it changed. Rows a statement returns are
    /// skipped: this is for statements that write.
    @discardableResult
    public func run() throws -> Int {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: continue
            case SQLITE_DONE: return Int(sqlite3_changes(connection.handle))
            default: throw connection.error(code)
            }
        }
    }

    // MARK: - Private

    private func parameter(_ index: Int) throws -> Int32 {
        // SQLite numbers parameters with an Int32 and reports a bad one as SQLITE_RANGE; checking
        // here keeps a huge Int from wrapping round to a valid number.
        guard let position = Int32(exactly: index) else {
            throw StoreError.sqlite(code: SQLITE_RANGE, message: "parameter \(index) is out of range")
        }
        return position
    }

    private func bind(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int32) -> Int32 {
        // A null pointer would bind NULL, not the empty string.
        guard let base = bytes.baseAddress else {
            return sqlite3_bind_text(handle, position, "", 0, PreparedStatement.transient)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sqlite3_bind_text64(handle, position, $0, sqlite3_uint64(bytes.count), PreparedStatement.transient,
                                UInt8(SQLITE_UTF8))
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw connection.error(code) }
    }
}

extension Connection {
    /// Compiles `sql` into a statement of its own, outside the cache that `run` and `query` use,
    /// for running many times with `PreparedStatement.bind` and `run`. Throws for SQL that does not
    /// compile, and for text after the first statement, which would otherwise be ignored silently.
    public func prepare(_ sql: String) throws -> PreparedStatement {
        var pointer: OpaquePointer?
        var rest: UnsafePointer<CChar>?
        let (code, trailing) = sql.withCString { text -> (Int32, Bool) in
            let code = sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, &rest)
            // Only spaces and semicolons may follow the statement.
            var trailing = false
            if code == SQLITE_OK, var next = rest {
                while next.pointee != 0 {
                    let byte = UInt8(bitPattern: next.pointee)
                    if byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09, byte != 0x3B { trailing = true; break }
                    next += 1
                }
            }
            return (code, trailing)
        }
        guard code == SQLITE_OK, let pointer else {
            // An empty or comment-only text compiles to no statement at all.
            throw code == SQLITE_OK ? StoreError.sqlite(code: SQLITE_MISUSE, message: "no SQL statement in '\(sql)'") : error(code)
        }
        guard !trailing else {
            sqlite3_finalize(pointer)
            throw StoreError.sqlite(code: SQLITE_MISUSE, message: "prepare takes one statement; more text follows it in '\(sql)'")
        }
        return PreparedStatement(handle: pointer, connection: self)
    }
}
