/// The name of a field of some kind of record: its column, its JSON key and, with dashes, its
/// option. A typed key, so that a misspelt field is a compile error, not a silent blank on a page
/// or a value dropped on its way into the file. Which kind has which fields is `Kind.fields`.
public enum FieldKey: String, CaseIterable, Sendable {
    case baseline
    case cadence
    case channel
    case channels
    case confidence
    case cycle
    case description
    case direction
    case doneDate = "done_date"
    case dueDate = "due_date"
    case effort
    case endDate = "end_date"
    case evidence
    case expect
    case horizon
    case impact
    case insight
    case item
    case journey
    case kind
    case metric
    case momentOfTruth = "moment_of_truth"
    case n
    case name
    case note
    case owner
    case persona
    case phase
    case reach
    case reason
    case scaleMax = "scale_max"
    case scaleMin = "scale_min"
    case sd
    case severity
    case source
    case spearhead
    case startDate = "start_date"
    case status
    case target
    case targetDate = "target_date"
    case team
    case test
    case title
    case touchpoint
    case unit
    case value
    case verdict
    case what
    case who
}
