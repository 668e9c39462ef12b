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

    static let note = "site: that roadmap with \(cycles) cycles; one warm-up build, then each build replaces the last; on disk,\n"
        + "  creating the files is kernel time that varies widely from run to run, so the budget holds in memory."

    static func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        let workspace = context.workspace
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
        let molensloot = Molensloot(binary: context.binary, workspace: workspace, databaseName: "site.sqlite")
        let imported = try molensloot.output(["import", file.path])
        step("imported", "\(cycles) cycles, \(measurements.count) measurements in \(seconds(imported.result.milliseconds))")

        // On this kind of virtual disk, creating thirteen thousand files costs anywhere from 0.5 to
        // 8 seconds of kernel time from one run to the next, whatever the program does; in memory
        // (tmpfs) the same build shows what the program itself takes. Both are reported; the
        // budget is held against the build in memory.
        var targets = [(label: "on disk", out: workspace.file("site").path, budgeted: false)]
        if FileManager.default.isWritableFile(atPath: "/dev/shm") {
            targets.append((label: "in memory (/dev/shm)", out: "/dev/shm/molensloot-bench-site-\(getpid())", budgeted: true))
        }
        return targets.map { target in
            let (samples, pages, failure) = measureBuilds(molensloot, out: target.out)
            if target.out.hasPrefix("/dev/shm/") { try? FileManager.default.removeItem(atPath: target.out) }
            step("measured", "\(target.label): \(samples.median.map(duration) ?? "failed")")
            return BenchRow(part: "site", what: "site build, \(grouped(pages)) pages, \(target.label)", samples: samples,
                            rate: rate(pages, "pages", in: samples.median),
                            budget: target.budgeted ? .time(milliseconds: budgetSeconds * 1_000, megabytes: budgetMegabytes) : nil,
                            failure: failure)
        }
    }

    /// One build to warm the page cache, then the measured ones, each replacing the last site.
    /// Writes still pending from earlier work are flushed first, so they do not land in a run.
    private static func measureBuilds(_ molensloot: Molensloot, out: String) -> (samples: Samples, pages: Int, failure: String?) {
        var samples = Samples()
        var pages = 0
        for run in 0...runs {
            sync()
            do {
                let (printed, result) = try molensloot.output(["site", "build", "--out", out])
                if run > 0 { samples.add(result) }
                // "built 13095 pages in …"
                pages = Int(printed.split(separator: " ").dropFirst().first ?? "") ?? 0
            } catch {
                return (samples, pages, error.description)
            }
        }
        return (samples, pages, nil)
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
}
