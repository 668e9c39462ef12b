import Store

/// Contacts per period, channel and contact reason: step 2's channel mix over time.
public struct VolumeRow: Sendable, Equatable {
    public let period: String
    public let channel: String
    public let reason: String
    public let count: Int64

    /// A billion contacts per month, channel and reason is far beyond any municipality; the
    /// limit keeps every sum of counts far from Int64's end.
    static let maximumCount: Int64 = 1_000_000_000

    var json: JSONObject {
        JSONObject([("period", .string(period)), ("channel", .string(channel)), ("reason", .string(reason)),
                    ("count", .int(count))])
    }
}

/// The channel mix of one period, with each channel's share, and its top contact reasons.
public struct ChannelMix: Sendable {
    public let period: String
    public let total: Int64
    public let channels: [(channel: String, count: Int64)]
    public let reasons: [(reason: String, count: Int64)]

    public func share(_ count: Int64) -> Double { total == 0 ? 0 : Double(count) / Double(total) }

    public var json: JSONObject {
        JSONObject([
            ("period", .string(period)), ("total", .int(total)),
            ("channels", .array(channels.map {
                .object(JSONObject([("channel", .string($0.channel)), ("count", .int($0.count)),
                                    ("share", .double(share($0.count).rounded(toPlaces: 4)))]))
            })),
            ("top_reasons", .array(reasons.map {
                .object(JSONObject([("reason", .string($0.reason)), ("count", .int($0.count))]))
            })),
        ])
    }
}

public struct VolumeImport: Sendable {
    /// The counts (period, channel, reason) written.
    public let rows: Int
    public let contacts: Int64
    public let periods: [String]
    /// For contact registrations: how many were not in the roadmap yet.
    public var newContacts: Int? = nil
}

extension RoadmapFile {
    /// Reads channel volumes: counts (period, channel, reason, count), one row per contact (date,
    /// channel, reason), which are counted per month, or contact registrations with a case key
    /// (`importContacts`). A count for a period, channel and reason that is already there is
    /// replaced, so importing a file twice changes nothing. `key` is asked for only when the file
    /// holds case keys: counts import without a key file.
    public func importVolumes(_ document: CSVDocument, path: String, rename: [String: String] = [:],
                              dryRun: Bool, key: () throws -> PseudonymKey = { throw PseudonymKeyError.missing(path: "(none named)") })
        throws -> VolumeImport {
        if ColumnMap.has("case", document, rename: rename) {
            // An older file that still holds the secret is sent to `key move` before any key file is asked for.
            if try setting(.contactKey) != nil { throw PseudonymKeyError.stillInRoadmap }
            return try importContacts(document, path: path, rename: rename, dryRun: dryRun, key: try key())
        }
        let counted = ColumnMap.has("count", document, rename: rename)
        let columns = try ColumnMap(document, path: path,
                                    standard: counted ? ["period", "channel", "reason", "count"] : ["date", "channel", "reason"],
                                    required: counted ? ["period", "channel", "count"] : ["date", "channel"], rename: rename)
        return try rehearsing(dryRun, path: path) {
            let lookups = try SurveyLookups(self)
            var totals: [VolumeKey: Int64] = [:]
            var order: [VolumeKey] = []
            var problems = ImportProblems()
            try document.forEachRow { row in do {
                func text(_ name: String) throws -> String? { try columns[name].flatMap { try row.string($0) } }
                func fail(_ column: String, _ message: Message) -> CSVError {
                    CSVError(line: row.line, column: columns.header(column), message: message)
                }
                let period: String
                var count: Int64 = 1
                if counted {
                    guard let raw = try text("period"), let parsed = Period(raw) else {
                        throw fail("period", Message("verwacht een maand zoals 2014-03 of een datum zoals 2014-03-12", "expected a month like 2014-03 or a date like 2014-03-12"))
                    }
                    period = parsed.description
                    guard let position = columns["count"], let value = try row.integer(position),
                          (0...VolumeRow.maximumCount).contains(value) else {
                        throw fail("count", Message("verwacht een geheel getal van 0 tot en met 1 000 000 000", "expected a whole number from 0 to 1 000 000 000"))
                    }
                    count = value
                } else {
                    guard let raw = try text("date"), let date = ISODate(dutchOrISO: raw) else {
                        throw fail("date", Message("verwacht een datum zoals 2014-03-12 of 12-03-2014", "expected a date like 2014-03-12 or 12-03-2014"))
                    }
                    period = Period(date: date).description
                }
                guard let rawChannel = try text("channel") else { throw fail("channel", Message("is leeg; vul het in", "is empty")) }
                let channel = try lookups.channel(rawChannel, fail: { fail("channel", $0) })
                let key = VolumeKey(period: period, channel: channel, reason: try text("reason") ?? "")
                if totals[key] == nil { order.append(key) }
                totals[key, default: 0] += count
                // Each count is at most a billion, but a file can repeat a key: the sum must still fit.
                if totals[key, default: 0] > VolumeRow.maximumCount {
                    throw fail("count", Message("de aantallen voor \(key.period), \(key.channel), '\(key.reason)' komen samen boven 1 000 000 000", "the counts for \(key.period), \(key.channel), '\(key.reason)' add up to more than 1 000 000 000"))
                }
            } catch let error as CSVError { problems.add(error) } }
            try problems.check(path: path)
            guard !order.isEmpty else { throw DomainError.badFile(path: path, Message("het bestand heeft geen regels", "the file holds no rows")) }
            for key in order {
                try connection.run(
                    "INSERT INTO volumes (period, channel, reason, count) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT(period, channel, reason) DO UPDATE SET count = excluded.count",
                    [.text(key.period), .text(key.channel), .text(key.reason), .integer(totals[key] ?? 0)])
            }
            let periods = Array(Set(order.map(\.period))).sorted()
            let contacts = totals.values.reduce(0, +)
            try audit(action: "import", record: "volumes",
                      summary: "imported \(contacts) contacts in \(order.count) counts for \(periods.joined(separator: ", ")) from \(path)",
                      before: nil, after: nil)
            return VolumeImport(rows: order.count, contacts: contacts, periods: periods)
        }
    }

    public func volumes() throws -> [VolumeRow] {
        try connection.query("SELECT period, channel, reason, count FROM volumes ORDER BY period, channel, reason").map {
            VolumeRow(period: $0.string(0), channel: $0.string(1), reason: $0.string(2), count: $0.int(3))
        }
    }

    /// The channel mix per period, oldest first, with the top contact reasons of each period.
    public func channelMix(topReasons: Int = 5) throws -> [ChannelMix] {
        try read {
            let rows = try volumes()
            return Dictionary(grouping: rows, by: \.period).sorted { $0.key < $1.key }.map { period, rows in
                let channels = Dictionary(grouping: rows, by: \.channel).mapValues { $0.reduce(0) { $0 + $1.count } }
                let reasons = Dictionary(grouping: rows.filter { !$0.reason.isEmpty }, by: \.reason)
                    .mapValues { $0.reduce(0) { $0 + $1.count } }
                return ChannelMix(
                    period: period, total: rows.reduce(0) { $0 + $1.count },
                    channels: channels.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                        .map { (channel: $0.key, count: $0.value) },
                    reasons: reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                        .prefix(topReasons).map { (reason: $0.key, count: $0.value) })
            }
        }
    }
}

struct VolumeKey: Hashable {
    let period: String
    let channel: String
    let reason: String
}

/// A calendar month, the unit volumes are counted in.
struct Period: CustomStringConvertible {
    let year: Int
    let month: Int

    init(date: ISODate) {
        year = date.year
        month = date.month
    }

    /// Accepts a month (2014-03) or a date in it.
    init?(_ text: String) {
        if let date = ISODate(dutchOrISO: text) {
            self.init(date: date)
            return
        }
        guard let date = ISODate(text + "-01") else { return nil }
        self.init(date: date)
    }

    var description: String { String(ISODate(year: year, month: month, day: 1)?.description.prefix(7) ?? "") }
}
