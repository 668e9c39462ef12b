/// What one fuzz run found.
public struct FuzzReport: Sendable, CustomStringConvertible {
    public let what: String
    public let seed: UInt64
    public let runs: Int
    /// Inputs that were accepted, and those refused with a clear error.
    public let accepted: Int
    public let refused: Int
    public let failures: [FuzzFailure]
    public let seconds: Double

    public var description: String {
        "\(what) (seed \(seed)): \(runs) runs, \(accepted) accepted, \(refused) refused, \(failures.count) failures"
            + failures.prefix(5).map { "\n  " + $0.description }.joined()
    }
}

/// An input that was not handled well: what went wrong, and enough of the input to find it.
public struct FuzzFailure: Sendable, CustomStringConvertible {
    public let iteration: Int
    public let problem: String
    public let input: String

    public init(iteration: Int, problem: String, input: String) {
        self.iteration = iteration
        self.problem = problem
        self.input = input
    }

    public var description: String {
        "#\(iteration): \(problem); input: \(FuzzFailure.excerpt(input))"
    }

    /// The first few hundred characters, with control characters made visible.
    public static func excerpt(_ text: String, limit: Int = 300) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            shown += scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return text.unicodeScalars.count > limit ? shown + "… (\(text.utf8.count) bytes)" : shown
    }
}

/// Counts outcomes while a driver runs.
struct Tally {
    let what: String
    let seed: UInt64
    let started = ContinuousClock.now
    var runs = 0
    var accepted = 0
    var refused = 0
    var failures: [FuzzFailure] = []

    init(_ what: String, seed: UInt64) {
        self.what = what
        self.seed = seed
    }

    mutating func fail(_ iteration: Int, _ problem: String, _ input: String) {
        // A systematic failure would repeat on every input; the first ones are what matters.
        if failures.count < 50 { failures.append(FuzzFailure(iteration: iteration, problem: problem, input: input)) }
    }

    var report: FuzzReport {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return FuzzReport(what: what, seed: seed, runs: runs, accepted: accepted, refused: refused, failures: failures,
                          seconds: seconds)
    }
}
