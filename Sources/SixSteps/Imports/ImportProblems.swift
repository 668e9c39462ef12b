/// The problems of an import file, collected row by row so that a person fixes them all in one
/// round instead of one per dry run. The same problem on many rows (an unknown persona in every
/// row that names it) is one problem with its lines; the first `shown` problems are named, each
/// with its lines and column, the rest counted.
struct ImportProblems {
    static let shown = 20
    /// Lines named per problem; more are counted.
    static let linesShown = 5

    private struct Problem {
        let column: String?
        let message: Message
        var lines: [Int]
        var count: Int
    }

    private var problems: [Problem] = []
    private var index: [String: Int] = [:]
    /// Problems not kept because `shown` were already named.
    private var untold = 0

    var total: Int { problems.count + untold }

    mutating func add(_ error: CSVError) {
        let key = (error.column ?? "") + "\u{1F}" + error.message.en
        if let known = index[key] {
            problems[known].count += 1
            if problems[known].lines.count < Self.linesShown { problems[known].lines.append(error.line) }
            return
        }
        guard problems.count < Self.shown else {
            untold += 1
            return
        }
        index[key] = problems.count
        problems.append(Problem(column: error.column, message: error.message, lines: [error.line], count: 1))
    }

    /// Each problem as a person reads it: "line 4, column kanaal: …", or for one on many rows
    /// "lines 7, 14, 17, 25, 26 and 51 more, column klantgroep: …".
    var descriptions: [Message] {
        problems.map { problem in
            guard problem.count > 1 else {
                let error = CSVError(line: problem.lines[0], column: problem.column, message: problem.message)
                return Message(error.text(dutch: true), error.text(dutch: false))
            }
            let more = problem.count - problem.lines.count
            let lines = problem.lines.map(String.init).joined(separator: ", ")
            var place = Message("regels " + lines + (more > 0 ? " en nog \(more)" : ""), "lines " + lines + (more > 0 ? " and \(more) more" : ""))
            if let column = problem.column { place = place + Message(", kolom \(column)", ", column \(column)") }
            return place + Message(": ", ": ") + problem.message
        }
    }

    /// Throws when there were problems: a single one as before (`badFile`), several as `problems`.
    func check(path: String) throws {
        guard !problems.isEmpty else { return }
        let described = descriptions
        if total == 1 { throw DomainError.badFile(path: path, described[0]) }
        throw DomainError.problems(path: path, described, total: total)
    }
}
