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

    /// Imports the generated roadmap, checks it came through whole, then times the commands.
    /// Returns whether every budgeted command stayed within the budget.
    static func run(binary: URL, workspace: Workspace) -> Bool {
        let size = RoadmapSize()
        let molensloot = Molensloot(binary: binary, workspace: workspace)
        var generator = RoadmapGenerator(size: size, seed: seed)
        let generationStart = ContinuousClock.now
        let document = generator.document()
        let documentFile = workspace.file("roadmap.json")
        do {
            try document.serialized(pretty: true).write(to: documentFile, atomically: false, encoding: .utf8)
        } catch {
            fatal("cannot write \(documentFile.path): \(error.localizedDescription)")
        }
        step("generated", "\(documentFile.path) (\(formatBytes(fileSize(documentFile))), "
             + "\(seconds((ContinuousClock.now - generationStart).milliseconds)), seed \(seed))")

        let imported = molensloot.output(["import", documentFile.path])
        step("imported", "in " + seconds(imported.milliseconds) + ": " + imported.text.trimmingCharacters(in: .whitespacesAndNewlines))
        step("sqlite", "\(molensloot.database.path): \(formatBytes(fileSize(molensloot.database)))")
        step("verified", Verification.checkCounts(molensloot, size))
        let exportTime = Verification.checkRoundTrip(molensloot, document)
        step("verified", "export gives the imported document back unchanged (export took \(seconds(exportTime)))")

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

        print("")
        print("\(warmUps) warm-up runs, then \(measuredRuns) measured runs per command; whole processes, stdout to /dev/null")
        print("(finding add runs first, so the later commands see \(warmUps + measuredRuns) more findings)")
        print("")
        let results = cases.map { measure($0, with: molensloot, warmUps: warmUps, runs: measuredRuns, budget: budget) }
        print(timingTable(results))

        for result in results {
            if let failure = result.failure { print("\n\(result.label) failed: \(failure)") }
        }
        let passed = results.allSatisfy(\.passed)
        print("")
        print(passed ? "PASS: every budgeted command has a median within \(Int(budget)) ms"
                     : "FAIL: a command failed or a budgeted median is over \(Int(budget)) ms")
        return passed
    }
}
