import Foundation

/// One line of the final table: one thing measured, with the same columns whatever the part.
struct BenchRow {
    enum Budget {
        /// The median must stay within this time, and the peak within this memory when given.
        case time(milliseconds: Double, megabytes: Double? = nil)
        /// The ratio to the baseline must stay within this multiple, and the peak within this
        /// memory when given.
        case ratio(Double, megabytes: Double? = nil)
        /// No run may fail; for things counted rather than timed one by one, such as fuzz inputs.
        case noFailures
    }

    /// What the thing is compared with: another program doing the same work on the same input.
    struct Baseline {
        let label: String
        let samples: Samples
        /// The ratio of each run to the baseline's run beside it, where the two alternated run by
        /// run: their median holds when the machine's speed drifts during the part.
        var pairedRatios: [Double] = []
    }

    let part: String
    let what: String
    var samples = Samples()
    /// How many runs when they are not timed one by one; else the number of samples.
    var runs: Int?
    /// Work per second at the median, such as `758 722 rows/s`.
    var rate: String?
    var baseline: Baseline?
    /// nil for things measured for information only.
    var budget: Budget?
    /// Why the thing could not be measured or checked; the row then fails whatever its times.
    var failure: String?

    /// The median of the paired ratios, else the median against the baseline's median when there
    /// is a baseline, else against the time budget.
    var ratio: Double? {
        guard let median = samples.median else { return nil }
        if let baseline {
            if !baseline.pairedRatios.isEmpty { return Samples.median(of: baseline.pairedRatios) }
            return baseline.samples.median.map { median / $0 }
        }
        if case .time(let limit, _)? = budget { return median / limit }
        return nil
    }

    /// nil when there is nothing to hold the row to.
    var passed: Bool? {
        if failure != nil { return false }
        guard let budget else { return nil }
        switch budget {
        case .noFailures:
            return true
        case .time(let limit, let megabytes):
            guard let median = samples.median else { return false }
            return median <= limit && megabytes.map { (samples.peakMegabytes ?? .infinity) <= $0 } ?? true
        case .ratio(let limit, let megabytes):
            return (ratio.map { $0 <= limit } ?? false) && megabytes.map { (samples.peakMegabytes ?? .infinity) <= $0 } ?? true
        }
    }

    fileprivate var cells: [String] {
        let baselineCell = baseline.map { baseline in
            baseline.label + " " + ([baseline.samples.median.map(duration), baseline.samples.peakMegabytes.map { "\(megabytes($0)) MB" }]
                .compactMap { $0 }.joined(separator: ", "))
        }
        let budgetCell: String? = budget.map {
            switch $0 {
            case .time(let limit, let memory):
                let time = limit < 1_000 ? "\(Int(limit)) ms" : String(format: "%g s", limit / 1_000)
                return time + (memory.map { ", \(Int($0)) MB" } ?? "")
            case .ratio(let limit, let memory): return String(format: "%.2f×", limit) + (memory.map { ", \(Int($0)) MB" } ?? "")
            case .noFailures: return "no failures"
            }
        }
        let result: String
        switch passed {
        case nil: result = "-"
        case true?: result = "PASS"
        case false?: result = failure == nil ? "FAIL" : "FAIL (error)"
        }
        return [part, what, grouped(runs ?? samples.count), samples.median.map(duration) ?? "-", rate ?? "-",
                samples.peakMegabytes.map(megabytes) ?? "-", baselineCell ?? "-",
                ratio.map { String(format: "%.2f", $0) } ?? "-", budgetCell ?? "-", result]
    }
}

/// The one table, then what its columns mean, then why any row failed.
func report(_ rows: [BenchRow], notes: [String]) -> String {
    let header = ["part", "what", "runs", "median", "rate", "peak MB", "baseline", "ratio", "budget", "result"]
    var lines = [alignedTable(header: header, rows: rows.map(\.cells), rightAligned: [2, 3, 4, 5, 7, 8])]
    lines.append("")
    lines.append("median: of whole processes, fork to exit; peak MB: the largest ru_maxrss (wait4) of the measured runs.")
    lines.append("ratio: the median of the run-by-run ratios where the baseline alternated with it, else the median over")
    lines.append("  the baseline's median, and the budget is the highest ratio allowed; without a baseline, the median over")
    lines.append("  the time budget, so 1.00 is right at the budget.")
    lines.append("imports: sqlite3 .import of the same file into a plain table, alternating with molensloot run by run.")
    lines.append(contentsOf: notes)
    for row in rows {
        if let failure = row.failure { lines.append("FAILED \(row.part) / \(row.what): \(failure)") }
    }
    return lines.joined(separator: "\n")
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

/// `8.3 ms` below a second, `1.32 s` from there on.
func duration(_ milliseconds: Double) -> String {
    milliseconds < 1_000 ? String(format: "%.1f ms", milliseconds) : String(format: "%.2f s", milliseconds / 1_000)
}

func megabytes(_ value: Double) -> String {
    String(Int(value.rounded()))
}

/// `758 722 rows/s` for so many units of work done in so many milliseconds.
func rate(_ count: Int, _ unit: String, in milliseconds: Double?) -> String? {
    milliseconds.map { grouped(Int((Double(count) / ($0 / 1_000)).rounded())) + " \(unit)/s" }
}

/// 1 000 000: groups of three, as the figures are written in Dutch.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
        let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
        groups.insert(digits[start..<end], at: 0)
        end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: " ")
}

/// A short progress line while a part runs.
func step(_ name: String, _ detail: String) {
    print(name.padding(toLength: 10, withPad: " ", startingAt: 0) + detail)
    fflush(nil)
}

func seconds(_ milliseconds: Double) -> String {
    String(format: "%.2f s", milliseconds / 1_000)
}
