import Foundation

/// One CSV file imported by molensloot and by sqlite3's own `.import` into a plain table, run
/// after run, alternating, so that a disturbance of the machine hits both alike. sqlite3 only
/// splits fields and stores text; molensloot also checks every row against the roadmap, so the
/// budget is a ratio of the two, not a time.
struct ImportComparison {
    let csv: URL
    /// The table sqlite3 creates from the file's header.
    let plainTable: String
    /// The roadmap the rows go into, copied before each run so every import is a full insert
    /// into the same starting file.
    let template: Molensloot
    let target: Molensloot
    /// molensloot's command, without `--db`.
    let command: [String]
    let runs: Int

    /// The times of both, and the first failure; a failure stops the runs.
    struct Outcome {
        var sqlite3 = Samples()
        var molensloot = Samples()
        var failure: String?
        /// What the last molensloot import printed.
        var printed = ""
    }

    /// `checkPlain` looks into sqlite3's table after each of its runs, `checkPrinted` at what
    /// molensloot printed after each of its runs.
    func run(checkPlain: (URL) throws(BenchFailure) -> Void, checkPrinted: (String) throws(BenchFailure) -> Void) -> Outcome {
        var outcome = Outcome()
        let plain = target.workspace.file("plain.sqlite")
        print("")
        step("runs", "\(runs) of each, alternating; a fresh database file every run")
        for run in 1...runs {
            do {
                let imported = try SQLiteShell.importCSV(csv, into: plain, table: plainTable, target.workspace)
                try checkPlain(plain)
                outcome.sqlite3.add(imported)
                SQLiteShell.copyDatabase(template.database, to: target.database)
                let (printed, result) = try target.output(command)
                outcome.printed = printed
                try checkPrinted(printed)
                outcome.molensloot.add(result)
                step("run \(run)", "sqlite3 \(seconds(imported.milliseconds)), molensloot \(seconds(result.milliseconds))")
            } catch {
                outcome.failure = error.description
                step("run \(run)", "failed; why is under the table")
                break
            }
        }
        SQLiteShell.removeDatabase(plain)
        return outcome
    }
}

extension ImportComparison.Outcome {
    /// The row of the table: molensloot's import against sqlite3's.
    func row(part: String, what: String, rows: Int, budget: Double) -> BenchRow {
        BenchRow(part: part, what: what, samples: molensloot, rate: rate(rows, "rows", in: molensloot.median),
                 baseline: .init(label: "sqlite3 .import", samples: sqlite3), budget: .ratio(budget), failure: failure)
    }
}
