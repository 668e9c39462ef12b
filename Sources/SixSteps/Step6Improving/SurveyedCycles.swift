import Store

extension RoadmapFile {
    /// The results of every survey the roadmap holds, one per metric and cycle, in the order the
    /// cycles ran: so a metric's last one is its latest survey.
    public func allSurveyResults() throws -> [SurveyResults] {
        try read {
            let cycles = try cyclesInOrder()
            let position = Dictionary(uniqueKeysWithValues: cycles.enumerated().map { ($1.key, $0) })
            let surveyed = try connection.query("SELECT DISTINCT metric, cycle FROM survey_responses ORDER BY metric, cycle")
            return try surveyed.sorted { (position[$0[1]] ?? 0) < (position[$1[1]] ?? 0) }.map { row in
                try surveyResults(metric: row.string(0), cycle: Kind.cycle.ref(row[1]))
            }
        }
    }
}
