import Store

/// A comment a manager released for the site, with its score only when no suppression hides
/// it: a quote from a survey, phase, channel or persona group that is suppressed, or with a score
/// the distribution leaves out, must not show the figure the suppression hides (two quotes of a
/// group of two would give its mean).
public struct Quote: Sendable {
    public let id: Int64
    public let metric: String
    public let cycle: String
    public let comment: String
    /// Nil when showing it would undo a suppression.
    public let score: Double?
}

extension RoadmapFile {
    /// The quotable comments, oldest first, each with its score where that may be shown.
    public func quotes() throws -> [Quote] {
        try read {
            let rows = try connection.query(
                "SELECT id, metric, cycle, score, comment, phase, channel, persona FROM survey_responses "
                    + "WHERE comment IS NOT NULL AND quotable = 1 ORDER BY id")
            var results: [String: SurveyResults] = [:]
            return try rows.map { row in
                let metric = row.string(1), cycle = Kind.cycle.ref(row[2])
                let survey: SurveyResults
                if let known = results[metric + " " + cycle] {
                    survey = known
                } else {
                    survey = try surveyResults(metric: metric, cycle: cycle)
                    results[metric + " " + cycle] = survey
                }
                let score = row.double(3)
                func shown(_ groups: [SurveyGroup], _ label: String?) -> Bool {
                    label.map { label in groups.first { $0.label == label }?.suppressed == false } ?? true
                }
                let visible = !survey.overall.suppressed && survey.distribution.contains { $0.score == score }
                    && shown(survey.byPhase, row.optionalString(5)) && shown(survey.byChannel, row.optionalString(6))
                    && shown(survey.byPersona, row.optionalString(7))
                return Quote(id: row.int(0), metric: metric, cycle: cycle, comment: row.string(4), score: visible ? score : nil)
            }
        }
    }
}
