import Foundation
import SixSteps

/// Part three: how fast the site of a large roadmap is built, and how much memory it takes.
enum SiteBench {
    // The aim for 10 000 findings, 2 000 opportunities, 1 000 items, 50 metrics, 20 cycles.
    static let budgetSeconds = 2.0
    static let budgetMegabytes = 300.0
    static let cycles = 20
    static let runs = 5
    static let seed: UInt64 = 0x7369_7465_6265_6E63

    static func run(binary: URL, workspace: Workspace) -> Bool {
        var generator = RoadmapGenerator(size: RoadmapSize(), seed: seed)
        guard case .object(var document) = generator.document() else { fatal("the generator made no document") }
        let (cycleJSON, measurements) = cyclesAndMeasurements(metrics: document["metrics"]?.array ?? [])
        document["cycles"] = .array(cycleJSON)
        document["measurements"] = .array(measurements)
        if case .object(var next) = document["next_ids"] ?? .null {
            next["cycles"] = .int(Int64(cycles + 1))
            next["measurements"] = .int(Int64(measurements.count + 1))
            document["next_ids"] = .object(next)
        }
        let file = workspace.file("site-roadmap.json")
        do {
            try JSON.object(document).serialized(pretty: true).write(to: file, atomically: false, encoding: .utf8)
        } catch {
            fatal("cannot write \(file.path): \(error.localizedDescription)")
        }
        let molensloot = Molensloot(binary: binary, workspace: workspace, databaseName: "site.sqlite")
        let imported = molensloot.output(["import", file.path])
        step("imported", imported.text.trimmingCharacters(in: .whitespacesAndNewlines) + " in " + seconds(imported.milliseconds))

        // On this kind of virtual disk, creating thirteen thousand files costs anywhere from 0.5 to
        // 8 seconds of kernel time from one run to the next, whatever the program does; in memory
        // (tmpfs) the same build shows what the program itself takes. Both are reported; the
        // budget is held against the build in memory.
        var targets = [(label: "on disk (\(workspace.folder.path))", out: workspace.file("site").path, budgeted: false)]
        if FileManager.default.isWritableFile(atPath: "/dev/shm") {
            targets.append((label: "in memory (/dev/shm)", out: "/dev/shm/molensloot-bench-site-\(getpid())", budgeted: true))
        }
        var rows: [[String]] = []
        var passed = true
        for target in targets {
            let (samples, pages) = measureBuilds(molensloot, out: target.out)
            let median = samples[samples.count / 2] / 1_000
            let peak = peakMegabytes(of: molensloot, out: target.out, workspace: workspace)
            let withinBudget = median <= budgetSeconds && peak <= budgetMegabytes
            if target.budgeted { passed = passed && withinBudget }
            rows.append([target.label, "\(samples.count)", "\(pages)", format(samples.first ?? 0, 1_000), format(median, 1),
                         format(samples.last ?? 0, 1_000), String(Int(Double(pages) / median)), String(Int(peak.rounded())),
                         target.budgeted ? "\(Int(budgetSeconds)) s, \(Int(budgetMegabytes)) MB" : "-",
                         target.budgeted ? (withinBudget ? "PASS" : "FAIL") : "-"])
            if target.out.hasPrefix("/dev/shm/") { try? FileManager.default.removeItem(atPath: target.out) }
        }
        print("")
        print("\(cycles) cycles, \(measurements.count) measurements; \(runs) measured builds after one warm-up, each replacing the last")
        print("")
        print(alignedTable(
            header: ["site build", "runs", "pages", "min s", "median s", "max s", "pages/s", "peak MB", "budget", "result"],
            rows: rows, rightAligned: [1, 2, 3, 4, 5, 6, 7]))
        print("")
        print(passed ? "PASS: the site builds within \(Int(budgetSeconds)) s and \(Int(budgetMegabytes)) MB"
                     : "FAIL: the site build is over \(Int(budgetSeconds)) s or \(Int(budgetMegabytes)) MB")
        return passed
    }

    /// One build to warm the page cache, then the measured ones, each replacing the last site.
    /// Writes still pending from earlier work are flushed first, so they do not land in a run.
    private static func measureBuilds(_ molensloot: Molensloot, out: String) -> (samples: [Double], pages: Int) {
        var samples: [Double] = []
        var pages = 0
        for run in 0...runs {
            sync()
            let result = molensloot.output(["site", "build", "--out", out])
            if run > 0 { samples.append(result.milliseconds) }
            pages = Int(result.text.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return (samples.sorted(), pages)
    }

    private static func format(_ value: Double, _ divisor: Double) -> String {
        String(format: "%.2f", value / divisor)
    }

    /// Twenty quarters from 2010 on, all closed but the last, each measuring every metric: a value
    /// that drifts from the baseline toward the target, with a sample size and a spread.
    static func cyclesAndMeasurements(metrics: [JSON]) -> ([JSON], [JSON]) {
        var cycleJSON: [JSON] = []
        var measurements: [JSON] = []
        for index in 0..<cycles {
            let year = 2010 + index / 4
            let quarter = index % 4
            let start = String(format: "%04d-%02d-01", year, quarter * 3 + 1)
            let end = String(format: "%04d-%02d-%02d", year, quarter * 3 + 3, [31, 30, 30, 31][quarter])
            let open = index == cycles - 1
            cycleJSON.append(.object(JSONObject([
                ("id", .string("C\(index + 1)")), ("name", .string("Kwartaal \(quarter + 1) \(year)")),
                ("status", .string(open ? "open" : "closed")), ("start_date", .string(start)), ("end_date", .string(end)),
                ("note", open ? .null : .string("Terugblik op kwartaal \(quarter + 1) van \(year).")),
            ])))
            for metric in metrics {
                guard let slug = metric["slug"]?.string, let baseline = metric["baseline"]?.double else { continue }
                let target = metric["target"]?.double ?? baseline
                let share = Double(index + 1) / Double(cycles + 4)
                let wobble = Double((index * 7 + slug.count) % 5 - 2) * 0.02 * abs(target - baseline)
                let value = ((baseline + (target - baseline) * share + wobble) * 100).rounded() / 100
                measurements.append(.object(JSONObject([
                    ("id", .string("M\(measurements.count + 1)")), ("metric", .string(slug)), ("cycle", .string("C\(index + 1)")),
                    ("value", .double(value)), ("n", .int(200)), ("sd", .double(1.5)), ("source", .string("Benchmeting")),
                    ("note", .null),
                ])))
            }
        }
        return (cycleJSON, measurements)
    }

    /// The peak resident memory of one more build, read by GNU time: Foundation reaps its
    /// children itself, so their own usage is not to be had otherwise. Without GNU time, the
    /// largest of all children so far (the import included) is an upper bound.
    static func peakMegabytes(of molensloot: Molensloot, out: String, workspace: Workspace) -> Double {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1_024
        }
        let report = workspace.freshFile("time.txt")
        let result = runChild(time, ["-f", "%M", molensloot.binary.path, "--db", molensloot.database.path, "site", "build",
                                     "--out", out], in: workspace.folder, stderr: report)
        try? report.close()
        let kilobytes = workspace.text(of: "time.txt").split(separator: "\n").last.flatMap { Double($0) }
        guard result.succeeded, let kilobytes else { fatal("could not measure the memory of a site build") }
        return kilobytes / 1_024
    }
}
