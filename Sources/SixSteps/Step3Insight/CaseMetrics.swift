import Store

extension RoadmapFile {
    /// On-time share and median lead time from the case system: for every metric of kind
    /// `on-time` or `lead-time` that names a journey served by case types, and every open cycle,
    /// the value from the cases that started in the cycle — the share of judged cases decided
    /// within their term, or the median lead time of the decided ones in calendar days. Run after
    /// every case import and every change of a case type or step; closed cycles are frozen, and a
    /// measurement computed from survey answers is left as it is. Returns the measurements written.
    @discardableResult
    func refreshCaseMetrics(source: String) throws -> [String] {
        var written: [String] = []
        let metrics = try records(.metric, filter: [.kind: .text(MetricKind.onTime.rawValue)])
            + records(.metric, filter: [.kind: .text(MetricKind.leadTime.rawValue)])
        guard !metrics.isEmpty else { return written }
        let types = try caseTypesInside()
        let cycles = try cyclesInOrder()
        let asOf = try caseAsOf() ?? .today()
        var perJourney: [String: [String: [CaseTiming]]] = [:]
        func timings(_ journey: String) throws -> [String: [CaseTiming]] {
            if let known = perJourney[journey] { return known }
            var byCycle: [String: [CaseTiming]] = [:]
            for type in types where type.journey == journey {
                for (cycle, found) in try timingsByCycle(type: type, cycles: cycles, asOf: asOf, workingDays: false).cycles {
                    byCycle[cycle.ref, default: []] += found
                }
            }
            perJourney[journey] = byCycle
            return byCycle
        }
        for metric in metrics {
            guard let journey = metric[.journey].string, types.contains(where: { $0.journey == journey }) else { continue }
            let kind = MetricKind(rawValue: metric[.kind].string ?? "")
            for cycle in cycles where cycle[.status].string == "open" {
                guard try surveyCount(metric: metric.key, cycle: cycle.key) == 0 else { continue }
                let found = try timings(journey)[cycle.ref] ?? []
                let input: [FieldKey: SQLValue]
                if kind == .onTime {
                    let judged = found.compactMap(\.onTime)
                    guard !judged.isEmpty else { continue }
                    let share = Double(judged.filter { $0 }.count) * 100 / Double(judged.count)
                    input = [.value: .real(share), .n: .integer(Int64(judged.count)),
                             .sd: SQLValue(SampleSummary.percentage(share, n: judged.count).sd)]
                } else {
                    let leads = found.compactMap(\.leadDays).map(Double.init)
                    guard let median = Statistics.percentile(leads.sorted(), 50) else { continue }
                    input = [.value: .real(median), .n: .integer(Int64(leads.count)), .sd: SQLValue(SampleSummary(values: leads).sd)]
                }
                try storeMeasurement(metric: metric, cycle: cycle, input: input.merging([
                    .source: .text("cases: \(source)"), .note: .null,
                ]) { first, _ in first })
                written.append("\(metric.ref) in \(cycle.ref)")
            }
        }
        return written
    }
}
