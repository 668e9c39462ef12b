/// One command to measure. The arguments depend on the run, so that commands that add a
/// record can give each one its own title.
struct BenchCase {
    let label: String
    /// Whether the command is held to the budget; the others are measured for information.
    let budgeted: Bool
    let arguments: (_ run: Int) -> [String]
}

/// The measurements of one command.
struct TimingResult {
    let label: String
    /// Milliseconds per measured run, sorted.
    let samples: [Double]
    let budget: Double?
    /// Why the command stopped, when a run exited non-zero.
    let failure: String?

    var minimum: Double { samples.first ?? .nan }
    var median: Double { samples.isEmpty ? .nan : samples[samples.count / 2] }
    var maximum: Double { samples.last ?? .nan }

    var withinBudget: Bool { budget.map { median <= $0 } ?? true }
    var passed: Bool { failure == nil && withinBudget }

    var verdict: String {
        if failure != nil { return "FAIL (error)" }
        guard budget != nil else { return "-" }
        return withinBudget ? "PASS" : "FAIL"
    }
}

/// Runs the warm-up runs (which fill the page cache and are not counted), then the
/// measured ones. Stops at the first failing run: later timings of a broken command mean nothing.
func measure(_ bench: BenchCase, with molensloot: Molensloot, warmUps: Int, runs: Int, budget: Double) -> TimingResult {
    var samples: [Double] = []
    for run in 0..<(warmUps + runs) {
        let arguments = bench.arguments(run)
        let result = molensloot.run(arguments)
        guard result.succeeded else {
            let failure = "`molensloot \(arguments.joined(separator: " "))` exited with \(result.status): \(molensloot.lastError)"
            return TimingResult(label: bench.label, samples: samples.sorted(), budget: bench.budgeted ? budget : nil, failure: failure)
        }
        if run >= warmUps { samples.append(result.milliseconds) }
    }
    return TimingResult(label: bench.label, samples: samples.sorted(), budget: bench.budgeted ? budget : nil, failure: nil)
}

/// The results as an aligned table: text columns to the left, figures to the right.
func timingTable(_ results: [TimingResult]) -> String {
    let header = ["command", "runs", "min ms", "median ms", "max ms", "budget", "result"]
    let rows = results.map { result in
        [result.label, "\(result.samples.count)", milliseconds(result.minimum), milliseconds(result.median),
         milliseconds(result.maximum), result.budget.map { "\(Int($0)) ms" } ?? "-", result.verdict]
    }
    return alignedTable(header: header, rows: rows, rightAligned: [1, 2, 3, 4, 5])
}

/// Rows under a header and a rule, columns two spaces apart; the last column is never padded.
func alignedTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            if rightAligned.contains(column) { return padding + cell }
            return column == cells.count - 1 ? cell : cell + padding
        }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
}

private func milliseconds(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}
