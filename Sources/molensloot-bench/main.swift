import Foundation

// The parts, each of which can run alone:
//   molensloot-bench            all of them, then one table of every row
//   molensloot-bench latency    interactive commands on a 10 000-finding roadmap (50 ms budget)
//   molensloot-bench survey     a 1 000 000-response survey import against sqlite3's own .import (1.5×)
//   molensloot-bench contacts   1 000 000 contact registrations through volume import, against sqlite3's .import (2×)
//   molensloot-bench cases      1 000 000 status rows of a case system through case import, against sqlite3's .import (2×)
//   molensloot-bench site       the site of a 10 000-finding roadmap with 20 cycles (2 s, 300 MB in memory)
//   molensloot-bench fuzz       the long fuzz run of the imports and the command line (no failures)
// Exits 1 when a row fails its budget or could not be measured, so CI can run it.

// The bench runs its children through a copy of itself; see Launcher.
if CommandLine.arguments.dropFirst().first == Launcher.flag {
    Launcher.serve()
}

/// What every part needs: the binary under test and the folder to work in.
struct BenchContext {
    let binary: URL
    let workspace: Workspace
}

enum Part: String, CaseIterable {
    case latency
    case survey
    case contacts
    case cases
    case site
    case fuzz

    /// The measured rows of this part; a part that cannot get as far as measuring throws.
    func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        switch self {
        case .latency: try LatencyBench.run(context)
        case .survey: try SurveyBench.run(context)
        case .contacts: try ContactBench.run(context)
        case .cases: try CaseBench.run(context)
        case .site: try SiteBench.run(context)
        case .fuzz:
            FuzzBench.run(binary: context.binary, workspace: context.workspace).map { row in
                BenchRow(part: "fuzz", what: row.what, runs: row.runs, rate: rate(row.runs, "inputs", in: row.seconds * 1_000),
                         budget: .noFailures, failure: row.failures == 0 ? nil : "\(row.failures) failing inputs, printed above")
            }
        }
    }

    /// The row that stands for the part when it failed before measuring anything.
    var subject: String {
        switch self {
        case .latency: "setup: import of the 10 000-finding roadmap"
        case .survey: "survey import, \(grouped(SurveyBench.responses)) responses"
        case .contacts: "volume import, \(grouped(ContactBench.contacts)) contacts"
        case .cases: "case import, \(grouped(CaseBench.statuses)) statuses"
        case .site: "setup: import of the roadmap with cycles"
        case .fuzz: "fuzzing of the imports and the command line"
        }
    }

    /// A line under the table, for the parts that need one.
    var note: String? {
        switch self {
        case .latency: LatencyBench.note
        case .site: SiteBench.note
        case .survey, .contacts, .cases, .fuzz: nil
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let partNames = Part.allCases.map(\.rawValue).joined(separator: " | ")
if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
    print("usage: molensloot-bench [\(partNames)]...   (no argument runs every part)")
    exit(0)
}
let parts = arguments.isEmpty ? Part.allCases : arguments.map { argument in
    guard let part = Part(rawValue: argument) else {
        fatal("unknown part '\(argument)'; expected \(partNames), or nothing to run every part")
    }
    return part
}

let workspace = Workspace.create()
let location = BuildLocation.ofThisExecutable()
step("building", "swift " + location.buildArguments.joined(separator: " "))
step("", "done in " + seconds(location.buildMolensloot(in: workspace)))
let context = BenchContext(binary: location.molensloot, workspace: workspace)

var rows: [BenchRow] = []
for part in parts {
    print("")
    print("== \(part.rawValue) ==")
    do {
        rows += try part.run(context)
    } catch {
        rows.append(BenchRow(part: part.rawValue, what: part.subject, failure: error.description))
    }
}

print("")
printFacts(machineFacts(binary: location.molensloot, workspace: workspace))
print("")
print(report(rows, notes: parts.compactMap(\.note)))

let passed = rows.allSatisfy { $0.passed != false }
print("")
if passed {
    print("PASS: every row within its budget")
    workspace.remove()
} else {
    print("FAIL: \(rows.filter { $0.passed == false }.count) of \(rows.count) rows failed; kept \(workspace.folder.path) to look into")
}
exit(passed ? 0 : 1)
