import Foundation
import Testing

/// A new user with the exports of Roadmaps/: a Dutch survey export and an Open Klant page,
/// imported through the binary without a single --map.
@Suite struct RealExportCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Roadmaps")

    static func newUser() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        for name in ["enquete-voorjaar-2014.csv", "enquete-najaar-2014.csv", "klantcontacten-najaar-2014.json"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: URL(fileURLWithPath: cli.path(name)))
        }
        for line in [
            "init --name 'Gemeente Molensloot'",
            "journey add mor 'Melding openbare ruimte'",
            "persona add drukke-ouders 'Drukke ouders'",
            "metric add tevredenheid 'Tevredenheid' --unit cijfer --scale-min 1 --scale-max 10 --journey mor",
            "metric add eerste-keer-goed 'Eerste keer goed' --unit % --kind fcr",
            "cycle open 'Voorjaar 2014' --start 2014-03-01 --end 2014-06-30",
        ] { try cli.ok(line) }
        return cli
    }

    @Test func aDutchSurveyExportAndAnOpenKlantPageImportWithoutOptions() throws {
        let cli = try Self.newUser()
        defer { cli.cleanUp() }
        let dry = try cli.ok("survey import enquete-voorjaar-2014.csv --metric tevredenheid --dry-run")
        #expect(dry.stdout.contains("dry run: would import 196 responses for tevredenheid into C1 \"Voorjaar 2014\""), "\(dry.stdout)")
        #expect(dry.stdout.contains("rows read: 205; imported: 196; skipped: 9"), "\(dry.stdout)")
        #expect(dry.stdout.contains("skipped as no answer: n.v.t. 4, weet niet 3, empty 2"), "\(dry.stdout)")
        #expect(dry.stdout.contains("dates: 1 April 2014 to 31 May 2014"), "\(dry.stdout)")
        #expect(dry.stdout.contains("columns not read: respondentnummer, browser"), "\(dry.stdout)")
        #expect(dry.stdout.contains("result: mean 6.8, sd 1.71, n 196"), "\(dry.stdout)")
        try cli.ok("survey import enquete-voorjaar-2014.csv --metric tevredenheid")

        // Again: refused, one line, naming the choices; then replaced on request.
        let again = try cli.run("survey import enquete-voorjaar-2014.csv --metric tevredenheid")
        #expect(again.status == 1 && again.stderr.contains("--replace") && again.stderr.contains("--append"))
        #expect(again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")
        let replaced = try cli.ok("survey import enquete-voorjaar-2014.csv --metric tevredenheid --replace")
        #expect(replaced.stdout.contains("replacing its 196 earlier responses"), "\(replaced.stdout)")
        let log = try cli.ok("log --limit 3 --json").stdout
        #expect(log.contains("replacing 196"), "\(log)")

        // The autumn file while the spring cycle is open: its dates are in no cycle, so refused.
        let autumn = try cli.run("survey import enquete-najaar-2014.csv --metric tevredenheid")
        #expect(autumn.status == 1 && autumn.stderr.contains("outside every cycle"), "\(autumn.stderr)")
        try cli.ok("cycle close")
        try cli.ok("cycle open 'Najaar 2014' --start 2014-07-01 --end 2014-12-31")
        // The spring file now: its dates are in the closed cycle, so it never lands in the open one.
        let spring = try cli.run("survey import enquete-voorjaar-2014.csv --metric tevredenheid --replace")
        #expect(spring.status == 1 && spring.stderr.contains("closed"), "\(spring.stderr)")
        try cli.ok("survey import enquete-najaar-2014.csv --metric tevredenheid")

        try cli.ok("key create")
        let contacts = try cli.ok("volume import klantcontacten-najaar-2014.json")
        #expect(contacts.stdout.contains("imported 62 contact registrations (open-klant) for September 2014 to October 2014"), "\(contacts.stdout)")
        #expect(!(try cli.ok("export").stdout.contains("ZAAK-2014")))
        let report = try cli.ok("cycle report")
        #expect(report.stdout.contains("eerste-keer-goed (% resolved at first contact): 95% interval 39% to 64%"), "\(report.stdout)")
        #expect(report.stdout.contains("beyond noise"), "\(report.stdout)")
        // Accents on the command line.
        try cli.ok("finding add 'Melders zoeken lang' --kind improve --journey mor --phase oriëntatie")
    }

    @Test func everyProblemOfAFileIsListedUnderOneFirstLine() throws {
        let cli = try Self.newUser()
        defer { cli.cleanUp() }
        try Data("Datum;Kanaal;Rapportcijfer\n03-04-2014;fax;7\n04-04-2014;web;zeven\n05-04-2014;Website;8\n".utf8)
            .write(to: URL(fileURLWithPath: cli.path("fout.csv")))
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let result = try cli.run("survey import fout.csv --metric tevredenheid")
        #expect(result.status == 1)
        #expect(result.stderr == "error: fout.csv: 2 problems; nothing was imported. Fix them all and import again: "
                + "[1] line 2, column kanaal: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web "
                + "[2] line 3, column rapportcijfer: expected a number such as 7,8 but found 'zeven'\n", "\(result.stderr)")
        #expect(cli.bytes("roadmap.sqlite") == before)
        // A channel an export spells its own way is mapped once, then read without options.
        try Data(#"[{"Startdatum": "2014-04-03 10:00:00", "Kanaal": "Whatsapp", "Vraag": "Grofvuil", "Id": "k1"}]"#.utf8)
            .write(to: URL(fileURLWithPath: cli.path("kiss.json")))
        try cli.ok("channel remove social")
        try cli.ok("key create")
        let unknown = try cli.run("volume import kiss.json")
        #expect(unknown.status == 1 && unknown.stderr.contains("molensloot mapping set channel \"Whatsapp\" SLUG"), "\(unknown.stderr)")
        try cli.ok("mapping set channel Whatsapp app")
        #expect(try cli.ok("mapping list").stdout.contains("Whatsapp"))
        #expect(try cli.ok("volume import kiss.json").stdout.contains("imported 1 contact registrations (kiss)"))
    }
}
