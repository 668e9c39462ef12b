import Foundation
import Testing

/// `theme`, `item effect` and their place on the site, from the built binary.
@Suite struct ThemeCommandTests {
    @Test func aCodebookIsMadeCodedCountedAndShared() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("--db r.sqlite init --name Test")
        try cli.ok("--db r.sqlite theme add lange-wachttijd 'Lange wachttijd' --phrases 'wachten;in de wacht'")
        #expect(try cli.run("--db r.sqlite theme add lange-wachttijd 'Nog eens'").status == 1)
        let bad = try cli.run("--db r.sqlite theme add Lange 'Hoofdletters'")
        #expect(bad.status == 64 && bad.stderr.contains("is not a valid slug"))
        try cli.ok("--db r.sqlite theme edit lange-wachttijd --description 'Lang wachten'")
        let listed = try #require(try cli.json("--db r.sqlite theme list --json") as? [[String: Any]])
        #expect(listed.first?["phrases"] as? [String] == ["wachten", "in de wacht"])
        #expect(listed.first?["description"] as? String == "Lang wachten")

        try cli.ok("--db r.sqlite theme export --out codeboek.json")
        try cli.ok("--db other.sqlite init --name Ander")
        #expect(try cli.ok("--db other.sqlite theme import codeboek.json").stdout == "added 1 themes, changed 0: lange-wachttijd\n")
        #expect(try cli.run("--db other.sqlite theme import r.sqlite").status == 1)

        let code = try cli.run("--db r.sqlite theme code 99 --confirm lange-wachttijd")
        #expect(code.status == 1 && code.stderr.contains("no survey comment 99"))
        #expect(try cli.run("--db r.sqlite theme code x --confirm lange-wachttijd").status == 64)
        #expect(try cli.run("--db r.sqlite theme code 1").status == 64)
        #expect(try cli.ok("--db r.sqlite theme counts").stdout.contains("lange-wachttijd Lange wachttijd: 0 (0 confirmed)"))
    }

    @Test func theExampleSiteShowsForecastsThemesAndEffects() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let source = ExampleTests.roadmaps.appendingPathComponent("molensloot.json")
        try cli.ok("--db example.sqlite init --from \(source.path)")
        let effect = try #require(try cli.json("--db example.sqlite item effect R1 --json") as? [[String: Any]])
        let phone = try #require(effect.first { $0["channel"] as? String == "telefoon" }?["effect"] as? [String: Any])
        #expect(phone["verdict"] as? String == "fewer")
        let low = try #require(phone["low"] as? Double), high = try #require(phone["high"] as? Double)
        #expect(low < high && high < 0)
        #expect(try cli.ok("--db example.sqlite cycle report C1").stdout.contains("Effect on contacts, beyond trend and season"))

        try cli.ok("--db example.sqlite site build --out site --lang nl")
        let step2 = try String(contentsOfFile: cli.path("site/stap-2.html"), encoding: .utf8)
        #expect(step2.contains("Verwachte drukte") && step2.contains("juli 2015, augustus 2015"))
        #expect(step2.contains("nee, niet op vertrouwen"))
        let step3 = try String(contentsOfFile: cli.path("site/stap-3.html"), encoding: .utf8)
        #expect(step3.contains("Wat inwoners zeggen") && step3.contains("waarvan") && step3.contains("afgeschermd"))
        // Only quotable comments reach the site: this one is not quotable.
        let comments = try #require(try cli.json("--db example.sqlite theme comments --json") as? [[String: Any]])
        let hidden = try #require(comments.first { $0["quotable"] as? Bool == false }?["comment"] as? String)
        #expect(!step3.contains(hidden), "\(hidden)")
        let item = try String(contentsOfFile: cli.path("site/r1.html"), encoding: .utf8)
        #expect(item.contains("Effect op het aantal contacten") && item.contains("minder contacten"))
    }
}
