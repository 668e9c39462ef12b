import Foundation
import SixSteps

/// Part three: how fast the site of a large roadmap is built, and how much memory it takes.
enum SiteBench {
    // The roadmap of a busy municipality after years of work: 10 000 findings with some 40 words
    // of evidence each, 2 000 opportunities of about five findings, 1 000 items, 50 metrics
    // measured in 20 cycles. Against Hugo building as many pages from markdown, the build must
    // take at most a third of Hugo's time, in memory and on disk; without Hugo, 2 s in memory.
    static let hugoBudget = 1.0 / 3.0
    static let budgetSeconds = 2.0
    static let budgetMegabytes = 150.0
    static let cycles = 20
    static let runs = 5
    static let seed: UInt64 = 0x7369_7465_6265_6E63

    static let note = "site: that roadmap with \(cycles) cycles; one warm-up build, then each build replaces the last, after one\n"
        + "  edit (a finding's title) or in the other language, so that every page is new; with Hugo installed, Hugo\n"
        + "  builds as many pages from markdown, alternating with molensloot run by run. In memory: in /dev/shm."

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
        let pages = try molensloot.output(["site", "build", "--out", workspace.file("count").path]).text
            .split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let hugo = HugoSite.isInstalled ? workspace.file("hugo-project") : nil
        if let hugo {
            HugoSite.write(document, pages: pages, into: hugo)
            step("hugo", "\(HugoSite.version(workspace)): a project of \(grouped(pages)) markdown pages")
        } else {
            step("hugo", "not installed (apt-get install hugo): the build is held to \(Int(budgetSeconds)) s in memory")
        }

        // On this kind of virtual disk, every file freed or created costs kernel time that varies
        // tenfold from one run to the next; in memory (tmpfs) the same build shows what the
        // program itself takes. A build after one edit (a finding's new title, as a manager makes
        // between builds) links the pages that stayed the same; a build in the other language
        // changes every page, and is shown beside it for information.
        var scenarios = [Scenario(label: "on disk, after one edit", out: workspace.file("site").path, change: .oneEdit)]
        if FileManager.default.isWritableFile(atPath: "/dev/shm") {
            scenarios.append(Scenario(label: "in memory, after one edit", out: "/dev/shm/molensloot-bench-site-\(getpid())",
                                      change: .oneEdit))
        }
        scenarios.append(Scenario(label: "on disk, every page new", out: workspace.file("site-languages").path, change: .everyPage))
        return scenarios.map { scenario in
            let outcome = measureBuilds(molensloot, hugo: hugo, scenario)
            let inMemory = scenario.out.hasPrefix("/dev/shm/")
            if inMemory {
                for folder in [scenario.out, scenario.out + "-hugo"] { try? FileManager.default.removeItem(atPath: folder) }
            }
            step("measured", "\(scenario.label): \(outcome.samples.median.map(duration) ?? "failed")")
            let budget: BenchRow.Budget? = scenario.change == .everyPage ? nil
                : hugo != nil ? .ratio(hugoBudget, megabytes: budgetMegabytes)
                : inMemory ? .time(milliseconds: budgetSeconds * 1_000, megabytes: budgetMegabytes) : nil
            return BenchRow(part: "site", what: "site build, \(grouped(pages)) pages, \(scenario.label)", samples: outcome.samples,
                            rate: rate(pages, "pages", in: outcome.samples.median),
                            baseline: hugo.map { _ in
                                .init(label: "hugo", samples: outcome.hugo, pairedRatios: outcome.ratios)
                            },
                            budget: budget, failure: outcome.failure)
        }
    }

    /// Where a series of builds goes, and what changes between one build and the next.
    private struct Scenario {
        enum Change { case oneEdit, everyPage }
        let label: String
        let out: String
        let change: Change

        /// The arguments of build `run`, and the command that comes before it, untimed.
        func build(_ run: Int) -> (before: [String]?, build: [String]) {
            switch change {
            case .oneEdit:
                return (["finding", "edit", "F1", "--title", "Wachttijd aan de telefoon, meting \(run + 1)"], ["site", "build", "--out", out])
            case .everyPage:
                return (nil, ["site", "build", "--out", out, "--lang", run.isMultiple(of: 2) ? "en" : "nl"])
            }
        }
    }

    private struct Outcome {
        var samples = Samples()
        var hugo = Samples()
        var ratios: [Double] = []
        var failure: String?
    }

    /// One build of each to warm the page cache, then the measured ones, molensloot and Hugo in
    /// turn, each replacing its last site. Writes still pending from earlier work are flushed
    /// first, so they do not land in a run.
    private static func measureBuilds(_ molensloot: Molensloot, hugo: URL?, _ scenario: Scenario) -> Outcome {
        var outcome = Outcome()
        for run in 0...runs {
            let (before, build) = scenario.build(run)
            if let before {
                let edited = molensloot.run(before)
                guard edited.succeeded else {
                    outcome.failure = molensloot.failure(before, edited).description
                    return outcome
                }
            }
            sync()
            let built = molensloot.run(build)
            guard built.succeeded else {
                outcome.failure = molensloot.failure(build, built).description
                return outcome
            }
            guard let hugo else {
                if run > 0 { outcome.samples.add(built) }
                continue
            }
            sync()
            let reference = runChild(HugoSite.executable, HugoSite.buildArguments(project: hugo, out: scenario.out + "-hugo"),
                                     in: molensloot.workspace.folder, stderr: molensloot.workspace.file("hugo-err.txt"))
            guard reference.succeeded else {
                outcome.failure = "hugo exited with \(reference.status): " + molensloot.workspace.text(of: "hugo-err.txt").prefix(300)
                return outcome
            }
            if run > 0 {
                outcome.samples.add(built)
                outcome.hugo.add(reference)
                outcome.ratios.append(built.milliseconds / reference.milliseconds)
            }
        }
        return outcome
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
