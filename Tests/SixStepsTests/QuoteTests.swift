import Testing
import SixSteps

// A released comment shows its score only where no suppression hides it.

@Suite struct QuoteTests {
    /// app: twelve 8s, balie: twelve 7s, web: three 8s. At 10, web is suppressed, and app (the
    /// smallest other) with it, as 27 − 12 would give web's three away; balie is shown. The
    /// scores 8 (15) and 7 (12) are both shown.
    static let survey = "channel,score,comment\n"
        + String(repeating: "app,8,\n", count: 11) + "app,8,Snel geholpen\n"
        + String(repeating: "balie,7,\n", count: 11) + "balie,7,Vriendelijk\n"
        + "web,8,\n" + "web,8,\n" + "web,8,Traag formulier\n"

    @Test func aQuoteFromASuppressedGroupShowsNoScore() throws {
        try withRoadmap { file in
            try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10"])
            try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
            _ = try file.importSurvey(try CSVDocument(bytes: Array(Self.survey.utf8)), path: "e.csv", metric: "tevredenheid",
                                      cycle: nil, rename: [:], dryRun: false)
            let comments = try file.surveyComments(metric: nil, cycle: nil)
            #expect(comments.count == 3)
            try file.setQuotable(comments.map(\.id), true)
            let results = try file.surveyResults(metric: "tevredenheid", cycle: nil)
            #expect(results.byChannel.map(\.suppressed) == [true, false, true])

            let quotes = try file.quotes()
            #expect(quotes.map(\.comment) == ["Snel geholpen", "Vriendelijk", "Traag formulier"])
            #expect(quotes.map(\.score) == [nil, 7, nil])

            // Above the whole survey's size, no quote shows a score.
            try file.setPrivacyThreshold(28)
            #expect(try file.quotes().allSatisfy { $0.score == nil })
            // At 1 nothing is suppressed, so every score is shown.
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            #expect(try file.quotes().map(\.score) == [8, 7, 8])
        }
    }
}
