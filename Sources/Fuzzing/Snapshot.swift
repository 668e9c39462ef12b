import SixSteps
import Store

/// Everything an open database holds, reduced to one number: every table, every row, every
/// value's exact bytes, and the schema. Two equal digests mean nothing was written.
public enum Snapshot {
    /// The digest of what a roadmap's file holds, read beside it: the domain keeps its connection
    /// to itself.
    public static func digest(_ file: RoadmapFile) throws -> UInt64 {
        try digest(try Connection(path: file.path, mode: .readOnly))
    }

    public static func integrity(_ file: RoadmapFile) throws -> String {
        try integrity(try Connection(path: file.path, mode: .readOnly))
    }

    public static func digest(_ connection: Connection) throws -> UInt64 {
        var hash = FNV()
        hash.add("user_version \(try connection.pragma("user_version"))")
        let tables = try connection.query("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        for table in tables {
            hash.add(table.string(0))
            hash.add(table.string(1))
            // By rowid where there is one, so the same rows in the same order give the same digest.
            let name = "\"" + String(table.string(0).flatMap { $0 == "\"" ? "\"\"" : String($0) }) + "\""
            let rows: [Row]
            if let ordered = try? connection.query("SELECT * FROM \(name) ORDER BY rowid") {
                rows = ordered
            } else {
                rows = try connection.query("SELECT * FROM \(name)")
            }
            hash.add("rows \(rows.count)")
            for row in rows {
                for value in row.values {
                    switch value {
                    case .null: hash.add("n")
                    case .integer(let number): hash.add("i\(number)")
                    case .real(let number): hash.add("r\(number.bitPattern)")
                    case .text(let text): hash.add("t"); hash.add(text)
                    }
                }
            }
        }
        return hash.value
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: "ok", or what they found.
    public static func integrity(_ connection: Connection) throws -> String {
        let rows = try connection.query("PRAGMA integrity_check").map { $0.string(0) }
        let foreign = try connection.query("PRAGMA foreign_key_check")
        if rows == ["ok"] && foreign.isEmpty { return "ok" }
        return (rows + foreign.map { "foreign key: \($0.values)" }).joined(separator: "; ")
    }

    struct FNV {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
            // A separator, so "ab" + "c" differs from "a" + "bc".
            value ^= 0xFF
            value &*= 0x0000_0100_0000_01B3
        }
    }
}
