import Store

extension RoadmapFile {
    /// First contact resolution from contact registrations: for every metric of kind `fcr` and
    /// every open cycle, the share of the cycle's contacts (of the metric's journey, when it has
    /// one) that the registration marks as resolved, among those that say. Run after each contact
    /// import; closed cycles are frozen, and a measurement computed from survey answers is left
    /// as it is. Returns the measurements written.
    @discardableResult
    func refreshContactMetrics(source: String) throws -> [String] {
        var written: [String] = []
        for metric in try records(.metric, filter: [.kind: .text(MetricKind.fcr.rawValue)]) {
            for cycle in try records(.cycle, filter: [.status: .text("open")]) {
                guard let start = cycle[.startDate].string, let from = ISODate(start) else { continue }
                guard try surveyCount(metric: metric.key, cycle: cycle.key) == 0 else { continue }
                let first = Timestamp(date: from).seconds
                let last = cycle[.endDate].string.flatMap { ISODate($0) }.map { Timestamp(date: $0).seconds + 86_399 } ?? Int64.max
                var sql = "SELECT count(*), coalesce(sum(resolved), 0) FROM contacts WHERE resolved IS NOT NULL AND at BETWEEN ? AND ?"
                var values: [SQLValue] = [.integer(first), .integer(last)]
                if let journey = metric[.journey].string {
                    sql += " AND journey = ?"
                    values.append(.text(journey))
                }
                guard let row = try connection.first(sql, values), row.int(0) > 0 else { continue }
                let n = Int(row.int(0))
                let share = Double(row.int(1)) * 100 / Double(n)
                let sample = SampleSummary.percentage(share, n: n)
                try storeMeasurement(metric: metric, cycle: cycle, input: [
                    .value: .real(share), .n: .integer(Int64(n)), .sd: SQLValue(sample.sd),
                    .source: .text("contacts: \(source)"), .note: .null,
                ])
                written.append("\(metric.ref) in \(cycle.ref)")
            }
        }
        return written
    }
}
