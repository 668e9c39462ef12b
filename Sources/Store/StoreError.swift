import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong below the domain, said in terms of databases and files: the
/// layers above know what the file is to the person and how they name it, and say so.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case cannotOpen(path: String, reason: String)
    case notADatabase(path: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case busy(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case constraint(String)
    case sqlite(code: Int32, message: String)
    case exists(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no database at \(path)"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path): \(reason)"
        case .notADatabase(let path):
            return "\(path) is not an SQLite database"
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database with another application's schema"
        case .newerSchema(let path, let found, let known):
            return "\(path) has schema \(found), newer than the \(known) this program knows; the file was left untouched"
        case .busy(let path):
            return "\(path) is locked by another process for too long; try again when it has finished"
        case .readOnly(let path):
            return "cannot write \(path): the file or its folder is read-only; check its permissions"
        case .diskFull(let path):
            return "cannot write \(path): the disk is full; free some space and try again (nothing was changed)"
        case .constraint(let message):
            return "refused by the database: \(message)"
        case .sqlite(let code, let message):
            return "SQLite error \(code): \(message)"
        case .exists(let path):
            return "\(path) already exists; choose another path or remove it first"
        }
    }

    /// Turns a failing SQLite call into the error a person can act on.
    static func from(code: Int32, handle: OpaquePointer?, path: String) -> StoreError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        // A write that found no space, whichever file it was writing (the log, the index).
        if code & 0xFF == SQLITE_IOERR, let handle, [ENOSPC, EDQUOT].contains(sqlite3_system_errno(handle)) {
            return .diskFull(path: path)
        }
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(path: path)
        case SQLITE_READONLY: return .readOnly(path: path)
        case SQLITE_FULL: return .diskFull(path: path)
        case SQLITE_NOTADB: return .notADatabase(path: path)
        case SQLITE_CONSTRAINT: return .constraint(message)
        case SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: message)
        default: return .sqlite(code: code, message: message)
        }
    }
}
