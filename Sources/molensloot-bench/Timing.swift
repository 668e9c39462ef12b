/// The measured runs of one thing: their times and the largest peak memory among them.
struct Samples {
    /// Milliseconds per measured run, in the order they ran.
    private(set) var milliseconds: [Double] = []
    private(set) var peakKilobytes = 0

    mutating func add(_ result: ChildResult) {
        milliseconds.append(result.milliseconds)
        peakKilobytes = max(peakKilobytes, result.peakKilobytes)
    }

    var count: Int { milliseconds.count }

    var median: Double? { Samples.median(of: milliseconds) }

    static func median(of values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    var peakMegabytes: Double? { milliseconds.isEmpty ? nil : Double(peakKilobytes) / 1_024 }
}

/// One command to measure. The arguments depend on the run, so that commands that add a
/// record can give each one its own title.
struct BenchCase {
    let label: String
    /// Whether the command is held to the budget; the others are measured for information.
    let budgeted: Bool
    let arguments: (_ run: Int) -> [String]
}

/// Runs the warm-up runs (which fill the page cache and are not counted), then the measured
/// ones. Stops at the first failing run: later timings of a broken command mean nothing.
func measure(_ bench: BenchCase, with molensloot: Molensloot, warmUps: Int, runs: Int) -> (samples: Samples, failure: String?) {
    var samples = Samples()
    for run in 0..<(warmUps + runs) {
        let arguments = bench.arguments(run)
        let result = molensloot.run(arguments)
        guard result.succeeded else { return (samples, molensloot.failure(arguments, result).description) }
        if run >= warmUps { samples.add(result) }
    }
    return (samples, nil)
}
