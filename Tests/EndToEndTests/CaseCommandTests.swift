import Foundation
import Testing

/// Cases from the case system through the built binary: the ZGW export of Roadmaps/ imported into
/// a new roadmap, mapped onto its journey, and the process with its weakest link; bad input
/// refused with one line and nothing written; the Ede example's process page.
@Suite struct CaseCommandTests {
    static let zgwExport = ExampleTests.roadmaps.appendingPathComponent("zaken-omgevingsvergunning-ede.json").path

    static func roadmap() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init --name Ede")
        try cli.ok("key create")
        try cli.ok("journey add omgevingsvergunning \"Omgevingsvergunning aanvragen\"")
        try cli.ok("cycle open \"1e kwartaal 2015\" --start 2015-01-05 --end 2015-03-31")
        return cli
    }

    @Test func theZGWExportImportsMapsAndShowsTheWeakestLink() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let dry = try cli.ok("case import \(Self.zgwExport) --dry-run")
        #expect(dry.stdout.hasPrefix("dry run: would import 307 cases (307 new) and 1633 statuses (1633 new) of ZT-OMV-REG"))
        #expect((try cli.json("case list --json") as? [Any])?.isEmpty == true)
        let imported = try cli.ok("case import \(Self.zgwExport)")
        #expect(imported.stdout.contains("case type ZT-OMV-REG serves no journey yet"))
        let again = try cli.ok("case import \(Self.zgwExport)")
        #expect(again.stdout.hasPrefix("imported 307 cases (0 new) and 1633 statuses (0 new)"))
        try cli.ok("case type ZT-OMV-REG --journey omgevingsvergunning")
        try cli.ok("case step ZT-OMV-REG \"Aanvulling gevraagd\" --stops-clock yes")
        try cli.ok("case step ZT-OMV-REG \"In behandeling\" --phase uitvoering --department Vergunningen --norm 14")
        try cli.ok("case step ZT-OMV-REG \"advies aangevraagd\" --phase Uitvoering --department \"Welstand en omgevingsdienst\" --norm 14")
        let process = try #require(try cli.json("case process omgevingsvergunning --json") as? [String: Any])
        let type = try #require((process["case_types"] as? [[String: Any]])?.first)
        let first = try #require((type["cycles"] as? [[String: Any]])?.first)
        #expect(first["cases"] as? Int == 98)
        let weakest = try #require(first["weakest_link"] as? [String: Any])
        #expect(weakest["status"] as? String == "Advies aangevraagd" && weakest["department"] as? String == "Welstand en omgevingsdienst")
        let text = try cli.ok("case process omgevingsvergunning").stdout
        #expect(text.contains("weakest link: Advies aangevraagd (Welstand en omgevingsdienst)"))
        let working = try #require(try cli.json("case process omgevingsvergunning --working-days --json") as? [String: Any])
        #expect(working["unit"] as? String == "working_days")
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let orphan = #"{"statussen": [{"zaak": "https://x/zaken/1", "statustype": "https://x/st/1", "datumStatusGezet": "2015-01-05T09:00:00"}]}"#
        try Data(orphan.utf8).write(to: URL(fileURLWithPath: cli.path("statussen.json")))
        let refused = try cli.run("case import statussen.json")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: ") && refused.stderr.contains("import statussen together with their zaken"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect((try cli.json("case list --json") as? [Any])?.isEmpty == true)
        try cli.ok("case import \(Self.zgwExport)")
        let unknown = try cli.run("case step ZT-OMV-REG Onbekend --norm 5")
        #expect(unknown.status == 1 && unknown.stderr.contains("has no status 'Onbekend'; its statuses are Aanvraag ontvangen"))
        let badNorm = try cli.run("case step ZT-OMV-REG \"In behandeling\" --norm veertien")
        #expect(badNorm.status == 64 && badNorm.stderr.contains("--norm 'veertien' is not valid"))
        let noPhase = try cli.run("case step ZT-OMV-REG \"In behandeling\" --phase uitvoering")
        #expect(noPhase.status == 1 && noPhase.stderr.contains("link it first with 'molensloot case type ZT-OMV-REG --journey SLUG'"))
        let badTerm = try cli.run("case type ZT-OMV-REG --term acht")
        #expect(badTerm.status == 64 && badTerm.stderr.contains("an ISO 8601 duration such as P8W"))
        let noKey = try cli.run("case import \(Self.zgwExport) --key-file elders.key")
        #expect(noKey.status == 1 && noKey.stderr.contains("no key file at elders.key"))
    }

    @Test func theEdeExampleShowsTheBottleneckAndItsRelief() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("ede.sqlite")
        try cli.ok("init --from \(ExampleTests.roadmaps.appendingPathComponent("ede-omgevingsvergunning.json").path)")
        let process = try #require(try cli.json("case process omgevingsvergunning --json") as? [String: Any])
        let cycles = try #require(((process["case_types"] as? [[String: Any]])?.first)?["cycles"] as? [[String: Any]])
        let weakest = cycles.map { ($0["weakest_link"] as? [String: Any])?["status"] as? String }
        #expect(weakest == ["Advies aangevraagd", "Advies aangevraagd", "In behandeling"])
        let medians = cycles.map { (($0["steps"] as? [[String: Any]])?.first { $0["status"] as? String == "Advies aangevraagd" }?["days"]
            as? [String: Any])?["median"] as? Double }
        #expect(medians == [27, 26, 9])
        try cli.ok("site build --out site --lang nl")
        let pageBytes = try #require(cli.bytes("site/proces-omgevingsvergunning.html"))
        let page = String(decoding: pageBytes, as: UTF8.self)
        #expect(page.contains("Zwakste schakel in C1, C2") && page.contains("de stap ‘In behandeling’ (Vergunningen, 51%)"))
        let journeyBytes = try #require(cli.bytes("site/klantreis-omgevingsvergunning.html"))
        let journey = String(decoding: journeyBytes, as: UTF8.self)
        #expect(journey.contains("href=\"proces-omgevingsvergunning.html\""))
        let report = try cli.ok("cycle report C3").stdout
        #expect(report.contains("op-tijd-besloten"))
    }
}
