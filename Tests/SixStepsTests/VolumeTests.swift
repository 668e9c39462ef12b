import Foundation
import SixSteps
import Store
import Testing

// Step 2's channel volumes: counts per month, channel and contact reason, or one row per contact
// that is counted per month; the channel mix with each channel's share and the top reasons.

private func volumeCSV(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

/// March: telefoon 120 + 50 = 170, web 80, total 250 (shares 0.68 and 0.32); reasons Afval 200,
/// Paspoort 50. April: app 30 (share 1).
private let counts = """
    period;channel;reason;count
    2014-03;telefoon;Afval;120
    2014-03;web;Afval;80
    2014-03;telefoon;Paspoort;50
    2014-04;app;Afval;30

    """

/// The stored counts in their order, one string each.
private func rows(_ file: RoadmapFile) throws -> [String] {
    try file.volumes().map { "\($0.period) \($0.channel) \($0.reason) \($0.count)" }
}

@Suite struct VolumeTests {
    @Test func countsAreImportedPerPeriodChannelAndReason() throws {
        try withRoadmap { file in
            let result = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: false)
            #expect(result.rows == 4)
            #expect(result.contacts == 280)
            #expect(result.periods == ["2014-03", "2014-04"])
            #expect(try rows(file) == ["2014-03 telefoon Afval 120", "2014-03 telefoon Paspoort 50", "2014-03 web Afval 80",
                                       "2014-04 app Afval 30"])
            let entry = try file.log(limit: 1)[0]
            #expect(entry.action == "import" && entry.record == "volumes")
            #expect(entry.summary == "imported 280 contacts in 4 counts for 2014-03, 2014-04 from kcc.csv")
        }
    }

    @Test func theChannelMixGivesSharesAndTopReasons() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: false)
            let mix = try file.channelMix()
            #expect(mix.map(\.period) == ["2014-03", "2014-04"])
            let march = mix[0]
            #expect(march.total == 250)
            #expect(march.channels.map(\.channel) == ["telefoon", "web"])
            #expect(march.channels.map(\.count) == [170, 80])
            #expect(march.channels.map { march.share($0.count) } == [0.68, 0.32])
            #expect(march.reasons.map(\.reason) == ["Afval", "Paspoort"])
            #expect(march.reasons.map(\.count) == [200, 50])
            #expect(mix[1].total == 30 && mix[1].share(30) == 1)

            let json = march.json
            #expect(json["channels"]?.array?.map { $0["share"]?.double } == [0.68, 0.32])
            #expect(json["top_reasons"]?.array?.map { $0["count"]?.int } == [200, 50])
            // Only the top reason when one is asked for.
            #expect(try file.channelMix(topReasons: 1)[0].reasons.map(\.reason) == ["Afval"])
        }
    }

    @Test func contactsAreCountedPerMonth() throws {
        try withRoadmap { file in
            // Three in March (two by phone about waste, one on the web without a reason), two in April.
            let text = "datum,kanaal,reden\n12-03-2014,telefoon,Afval\n2014-03-31,telefoon,afval\n"
                + "15-03-2014,web,\n01-04-2014,app,Afval\n2014-04-30,app,Afval\n"
            let result = try file.importVolumes(volumeCSV(text), path: "contacten.csv",
                                                rename: ["date": "datum", "channel": "kanaal", "reason": "reden"], dryRun: false)
            #expect(result.contacts == 5)
            #expect(result.rows == 4, "reasons are kept as written: Afval and afval are two")
            #expect(result.periods == ["2014-03", "2014-04"])
            #expect(try rows(file) == ["2014-03 telefoon Afval 1", "2014-03 telefoon afval 1", "2014-03 web  1",
                                       "2014-04 app Afval 2"])
            let mix = try file.channelMix()
            #expect(mix.map(\.total) == [3, 2])
            #expect(mix[0].reasons.map(\.reason) == ["Afval", "afval"], "a contact without a reason is no reason")
        }
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: false)
            let once = try file.export().serialized()
            let again = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: false)
            #expect(again.contacts == 280)
            #expect(try file.export().serialized() == once)
            // A corrected count replaces the earlier one; counts not in the file stay.
            _ = try file.importVolumes(volumeCSV("period,channel,reason,count\n2014-03,web,Afval,90\n"), path: "fix.csv", dryRun: false)
            #expect(try file.volumes().filter { $0.channel == "web" }.map(\.count) == [90])
            #expect(try file.channelMix()[0].total == 260)
        }
    }

    @Test func aDryRunImportsNothing() throws {
        try withRoadmap { file in
            let before = try RoadmapState(file)
            let result = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: true)
            #expect(result.contacts == 280 && result.rows == 4)
            #expect(try RoadmapState(file) == before)
            #expect(try file.volumes().isEmpty)
        }
    }

    struct BadVolumes: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        let message: String
        var description: String { name }
    }

    static let badFiles: [BadVolumes] = [
        .init(name: "unknown channel", text: "period,channel,reason,count\n2014-03,web,Afval,3\n2014-03,fax,Afval,5\n",
              message: "line 3, column channel: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web"),
        .init(name: "unknown channel per contact", text: "date,channel\n2014-03-01,web\n2014-03-02,duif\n",
              message: "line 3, column channel: unknown channel 'duif'; known: app, balie, e-mail, post, social, telefoon, web"),
        .init(name: "text as count", text: "period;channel;count\n2014-03;web;12\n2014-03;app;veel\n",
              message: "line 3, column count: expected a whole number such as 12 but found 'veel'"),
        .init(name: "a negative count", text: "period;channel;count\n2014-03;web;-4\n",
              message: "line 2, column count: expected a whole number from 0 to 1 000 000 000"),
        .init(name: "a count past a billion", text: "period;channel;count\n2014-03;web;1000000001\n",
              message: "line 2, column count: expected a whole number from 0 to 1 000 000 000"),
        .init(name: "counts of one key past a billion together", text: "period;channel;count\n2014-03;web;600000000\n2014-03;web;600000000\n",
              message: "line 3, column count: the counts for 2014-03, web, '' add up to more than 1 000 000 000"),
        .init(name: "a decimal count", text: "period;channel;count\n2014-03;web;12,5\n",
              message: "line 2, column count: expected a whole number such as 12 but found '12,5'"),
        .init(name: "a bad period", text: "period;channel;count\n2014-13;web;4\n",
              message: "line 2, column period: expected a month like 2014-03 or a date like 2014-03-12"),
        .init(name: "a bad date", text: "date;channel\n31-04-2014;web\n",
              message: "line 2, column date: expected a date like 2014-03-12 or 12-03-2014"),
        .init(name: "no channel", text: "date;channel\n01-04-2014;\n", message: "line 2, column channel: is empty"),
        .init(name: "no channel column", text: "period;count\n2014-03;4\n",
              message: "line 1: no column for channel (read from a column named channel, kanaal, contactkanaal); "
                + "the columns are period, count; name the one to use with --map channel=COLUMN"),
        .init(name: "only a header", text: "period;channel;count\n", message: "the file holds no rows"),
    ]

    @Test(arguments: badFiles)
    func aBadFileIsRefusedNamingTheLineAndImportsNothing(_ bad: BadVolumes) throws {
        try withRoadmap { file in
            _ = try file.importVolumes(volumeCSV(counts), path: "kcc.csv", dryRun: false)
            try expectRefused(.badFile(path: "v.csv", Message(stringLiteral: bad.message)), in: file) {
                _ = try file.importVolumes(volumeCSV(bad.text), path: "v.csv", dryRun: false)
            }
            #expect(try file.volumes().count == 4)
        }
    }
}
