import CSQLite

/// The current row of a statement being stepped, read in place: numbers as numbers and text as
/// its bytes. For loops over a million rows, where making a `Row` and its Strings would cost more
/// than the rest of the work.
public struct RowCursor {
    fileprivate let handle: OpaquePointer

    public func int(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    /// The column's text as UTF-8 bytes, valid only inside `body`; empty for NULL.
    public func withText<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        guard let bytes = sqlite3_column_text(handle, Int32(index)) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: bytes, count: count))
    }
}

extension Connection {
    /// Runs a query and hands each row to `body` as a cursor, which must not be kept.
    public func scan(_ sql: String, _ values: [SQLValue] = [], _ body: (RowCursor) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.finish() }
        let cursor = RowCursor(handle: statement.handle)
        while try statement.step() { try body(cursor) }
    }
}
