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
        /// The reads of `ConcurrentReader` during molensloot's imports: each one's time, and why any failed.
        var readerWaits: [Double] = []
        var readerFailures: [String] = []
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
                // A colleague reads the roadmap while it is imported; sqlite3 runs alone.
                let reader = ConcurrentReader(binary: target.binary, database: target.database)
                reader.start()
                var attempt: (text: String, result: ChildResult)?
                var importFailure: BenchFailure?
                do { attempt = try target.output(command) } catch { importFailure = error }
                let reading = reader.stop()
                outcome.readerWaits += reading.waits
                outcome.readerFailures += reading.failures
                if let importFailure { throw importFailure }
                guard let (printed, result) = attempt else { throw BenchFailure("the import gave no result") }
                outcome.printed = printed
                try checkPrinted(printed)
                outcome.molensloot.add(result)
                step("run \(run)", "sqlite3 \(seconds(imported.milliseconds)), molensloot \(seconds(result.milliseconds)), "
                     + "\(reading.waits.count) reads by `status` meanwhile, the longest \(seconds(reading.waits.max() ?? 0))")
            } catch {
                outcome.failure = (error as? BenchFailure)?.description ?? "\(error)"
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

extension ImportComparison.Outcome {
    /// The row of the reader: how many reads, the longest wait, and a failure when any read
    /// failed or waited as long as the busy timeout (5 s), which means it was locked out.
    func readerRow(part: String) -> BenchRow {
        var samples = Samples()
        for wait in readerWaits { samples.add(ChildResult(status: 0, milliseconds: wait, peakKilobytes: 0)) }
        let longest = readerWaits.max() ?? 0
        var problem: String?
        if let first = readerFailures.first {
            problem = "\(readerFailures.count) of \(readerWaits.count) reads during the import failed: \(first)"
        } else if readerWaits.isEmpty {
            problem = "no read ran during the import"
        } else if longest >= 5_000 {
            problem = "a read during the import waited \(seconds(longest)), the busy timeout: it was locked out"
        }
        return BenchRow(part: part, what: "status while it imports: longest wait \(seconds(longest))", samples: samples,
                        rate: "\(readerWaits.count) reads", budget: .noFailures, failure: problem ?? failure.map { _ in "the import failed" })
    }
}
