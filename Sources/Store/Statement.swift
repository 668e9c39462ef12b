import CSQLite

/// A prepared statement. Parameters are always bound, never spliced into SQL text.
public final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection
    private lazy var columns: ColumnNames = ColumnNames((0..<sqlite3_column_count(handle)).map {
        sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? ""
    })

    init(handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Swift strings are temporary, so SQLite must copy them.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        // A parameter left without a value would be bound as NULL: a query written with one `?`
        // too many, or called with one value too few, must fail rather than store a blank.
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StoreError.sqlite(code: SQLITE_RANGE, message: "the statement takes \(expected) values, \(values.count) were given: "
                                    + (sqlite3_sql(handle).map { String(cString: $0) } ?? ""))
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
            case .real(let double): code = sqlite3_bind_double(handle, index, double)
            case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, Statement.transient)
            }
            guard code == SQLITE_OK else { throw connection.error(code) }
        }
    }

    /// Steps once; returns false when the statement is done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(code)
            sqlite3_reset(handle)
            throw error
        }
    }

    func row() -> Row {
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for index in 0..<count {
            switch sqlite3_column_type(handle, index) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, index)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, index)))
            case SQLITE_NULL: values.append(.null)
            default:
                let text = sqlite3_column_text(handle, index).map { String(cString: $0) } ?? ""
                values.append(.text(text))
            }
        }
        return Row(values: values, columns: columns)
    }

    func finish() { sqlite3_reset(handle) }
}
