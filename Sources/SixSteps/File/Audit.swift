import Store

/// One entry of the audit trail: who changed what, when, and the record before and after.
public struct AuditEntry: Sendable {
    public let id: Int64
    public let at: String
    public let who: String
    public let action: String
    public let record: String
    public let summary: String
    public let before: String?
    public let after: String?

    public var json: JSONObject {
        func parsed(_ text: String?) -> JSON { text.flatMap { try? JSON.parse($0) } ?? .null }
        return JSONObject([
            ("id", .int(id)), ("at", .string(at)), ("who", .string(who)), ("action", .string(action)),
            ("record", .string(record)), ("summary", .string(summary)),
            ("before", parsed(before)), ("after", parsed(after)),
        ])
    }
}

extension RoadmapFile {
    func audit(action: String, record: String, summary: String, before: JSON?, after: JSON?) throws {
        try connection.run(
            "INSERT INTO audit (at, who, action, record, summary, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text(timestampNow()), .text(actor), .text(action), .text(record), .text(summary),
             SQLValue(before?.serialized()), SQLValue(after?.serialized())])
    }

    /// The newest entries first; `record` narrows it to one record's history.
    public func log(record: String? = nil, limit: Int = 50) throws -> [AuditEntry] {
        let sql = "SELECT id, at, who, action, record, summary, before, after FROM audit"
            + (record == nil ? "" : " WHERE record = ?") + " ORDER BY id DESC LIMIT ?"
        var values: [SQLValue] = record.map { [.text($0)] } ?? []
        values.append(.integer(Int64(limit)))
        return try connection.query(sql, values).map {
            AuditEntry(id: $0.int(0), at: $0.string(1), who: $0.string(2), action: $0.string(3),
                       record: $0.string(4), summary: $0.string(5), before: $0.optionalString(6),
                       after: $0.optionalString(7))
        }
    }
}
