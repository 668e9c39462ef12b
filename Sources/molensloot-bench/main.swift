import Foundation
import SixSteps

// Three parts, each of which can run alone:
//   molensloot-bench            all three
//   molensloot-bench latency    interactive commands on a 10 000-finding roadmap (50 ms budget)
//   molensloot-bench survey     a 1 000 000-response survey import against sqlite3's own .import
//   molensloot-bench site       the site of a 10 000-finding roadmap with 20 cycles (2 s, 300 MB)
// Exits 1 when a part fails, so CI can run it.

enum Part: String, CaseIterable {
    case latency
    case survey
    case site
}

func step(_ name: String, _ detail: String) {
    print(name.padding(toLength: 10, withPad: " ", startingAt: 0) + detail)
}

func seconds(_ milliseconds: Double) -> String {
    String(format: "%.2f s", milliseconds / 1_000)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
    print("usage: molensloot-bench [latency | survey | site]   (no argument runs all three)")
    exit(0)
}
let parts: [Part]
if arguments.isEmpty {
    parts = Part.allCases
} else {
    parts = arguments.map { argument in
        guard let part = Part(rawValue: argument) else {
            fatal("unknown part '\(argument)'; expected "
                  + Part.allCases.map(\.rawValue).joined(separator: " or ") + ", or nothing to run all")
        }
        return part
    }
}

let workspace = Workspace.create()
let location = BuildLocation.ofThisExecutable()
step("building", "swift " + location.buildArguments.joined(separator: " "))
step("", "done in " + seconds(location.buildMolensloot(in: workspace)))

print("")
printFacts(machineFacts(binary: location.molensloot))

var passed = true
for part in parts {
    print("")
    print("== \(part.rawValue) ==")
    print("")
    switch part {
    case .latency:
        passed = LatencyBench.run(binary: location.molensloot, workspace: workspace) && passed
    case .survey:
        passed = SurveyBench.run(binary: location.molensloot, workspace: workspace) && passed
    case .site:
        passed = SiteBench.run(binary: location.molensloot, workspace: workspace) && passed
    }
}

if passed {
    workspace.remove()
} else {
    print("")
    print("kept \(workspace.folder.path) to look into")
}
exit(passed ? 0 : 1)
