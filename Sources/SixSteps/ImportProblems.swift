/// The problems of an import file, collected row by row so that a person fixes them all in one
/// round instead of one per dry run. Only the first `shown` are named, each with its line and
/// column; the rest are counted.
struct ImportProblems {
    static let shown = 20

    private(set) var errors: [CSVError] = []
    private(set) var total = 0

    mutating func add(_ error: CSVError) {
        total += 1
        if errors.count < Self.shown { errors.append(error) }
    }

    /// Throws when there were problems: one as before (`badFile`), several as `problems`.
    func check(path: String) throws {
        guard let first = errors.first else { return }
        if total == 1 { throw DomainError.badFile(path: path, first.description) }
        throw DomainError.problems(path: path, errors.map(\.description), total: total)
    }
}
