import Foundation
import Fuzzing

/// The long fuzz run: the drivers the tests run with a fixed seed and a modest count, here with
/// many more inputs, in this process (JSON import and the three CSV imports) and through the
/// release binary (the command-line parser and the imports). A failure is an input that crashed,
/// hung, gave no clear one-line error or changed the roadmap while being refused.
enum FuzzBench {
    struct Row {
        let what: String
        let runs: Int
        let failures: Int
        let seconds: Double
    }

    /// Runs every driver; prints the first failures of each, with the seed and iteration that
    /// replay them, and returns one row per driver.
    static func run(binary: URL, workspace: Workspace, seed: UInt64 = 20_140_301, inProcess: Int = 20_000,
                    throughBinary: Int = 2_000) -> [Row] {
        let folder = workspace.file("fuzz").path
        // Through the binary first: a crash there is one failure among the rest. A crash in this
        // process ends the bench with its backtrace, which is then what it found.
        let drivers: [(String, (String) throws -> FuzzReport)] = [
            ("cli", { try BinaryFuzz.commandLine(binary: binary, seed: seed, iterations: throughBinary, folder: $0) }),
            ("imports", { try BinaryFuzz.imports(binary: binary, seed: seed, iterations: throughBinary, folder: $0) }),
            ("json", { try ImportFuzz.json(seed: seed, iterations: inProcess / 4, folder: $0) }),
            ("survey", { try ImportFuzz.csv(.survey, seed: seed, iterations: inProcess, folder: $0) }),
            ("measure", { try ImportFuzz.csv(.measure, seed: seed, iterations: inProcess, folder: $0) }),
            ("volume", { try ImportFuzz.csv(.volume, seed: seed, iterations: inProcess, folder: $0) }),
        ]
        var rows: [Row] = []
        for (name, driver) in drivers {
            let own = folder + "/" + name
            try? FileManager.default.removeItem(atPath: own)
            let started = ContinuousClock.now
            do {
                try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
                let report = try driver(own)
                rows.append(Row(what: report.what, runs: report.runs, failures: report.failures.count, seconds: report.seconds))
                for failure in report.failures.prefix(10) {
                    print("  \(report.what), seed \(report.seed) \(failure)")
                }
                try? FileManager.default.removeItem(atPath: own)
            } catch {
                // A driver that cannot even set up is a failure of its own, not a reason to stop.
                print("  \(name): could not run: \(error)")
                rows.append(Row(what: name, runs: 0, failures: 1, seconds: (ContinuousClock.now - started).milliseconds / 1_000))
            }
        }
        return rows
    }
}
