import Foundation
import SixSteps

/// Part one: how long interactive commands take on a roadmap of 10 000 findings.
enum LatencyBench {
    // Interactive commands must feel instant; 50 ms is about where a person starts to notice.
    static let budget = 50.0
    static let warmUps = 5
    static let measuredRuns = 31
    // Fixed, so every run measures the very same roadmap ("molenslo" in ASCII).
    static let seed: UInt64 = 0x6D6F_6C65_6E73_6C6F

    static let note = "latency: 10 000 findings, 2 000 opportunities, 1 000 items; \(warmUps) warm-up runs each, not counted;\n"
        + "  finding add runs first, so the others see \(warmUps + measuredRuns) more findings."

    /// Imports the generated roadmap, checks it came through whole, then times the commands.
    static func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        let size = RoadmapSize()
        let molensloot = Molensloot(binary: context.binary, workspace: context.workspace, databaseName: "latency.sqlite")
        var generator = RoadmapGenerator(size: size, seed: seed)
        let generationStart = ContinuousClock.now
        let document = generator.document()
        let documentFile = context.workspace.file("roadmap.json")
        do {
            try document.serialized(pretty: true).write(to: documentFile, atomically: false, encoding: .utf8)
        } catch {
            fatal("cannot write \(documentFile.path): \(error.localizedDescription)")
        }
        step("generated", "\(documentFile.lastPathComponent), \(formatBytes(fileSize(documentFile))) "
             + "(\(seconds((ContinuousClock.now - generationStart).milliseconds)))")
        let imported = try molensloot.output(["import", documentFile.path])
        step("imported", "\(formatBytes(fileSize(molensloot.database))) of SQLite in \(seconds(imported.result.milliseconds))")
        _ = try Verification.checkCounts(molensloot, size)
        try Verification.checkRoundTrip(molensloot, document)
        step("verified", "the count of every kind; export gives the imported document back unchanged")

        let journey = Vocabulary.journeys[0].slug
        let cases = [
            BenchCase(label: "finding add", budgeted: true) { run in
                ["finding", "add", "Benchmeting \(run + 1): de wachttijd aan de telefoon duurt te lang",
                 "--kind", "improve", "--journey", journey, "--phase", "contact", "--severity", "3"]
            },
            BenchCase(label: "finding list --json", budgeted: true) { _ in ["finding", "list", "--json"] },
            BenchCase(label: "roadmap --json", budgeted: true) { _ in ["roadmap", "--json"] },
            BenchCase(label: "opportunity rank --json", budgeted: false) { _ in ["opportunity", "rank", "--json"] },
            BenchCase(label: "status", budgeted: false) { _ in ["status"] },
        ]
        return cases.map { bench in
            let (samples, failure) = measure(bench, with: molensloot, warmUps: warmUps, runs: measuredRuns)
            step("measured", "\(bench.label): \(samples.median.map(duration) ?? "failed")")
            return BenchRow(part: "latency", what: bench.label, samples: samples,
                            budget: bench.budgeted ? .time(milliseconds: budget) : nil, failure: failure)
        }
    }
}
