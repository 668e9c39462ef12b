import Foundation
import SixSteps
import Site
import Testing

/// The roadmap's timeline, read from the SVG: the work ahead per horizon with what is done in a
/// lane below it, titles written whole over two lines instead of cut, arrows under the bars, and
/// year labels that do not run into each other.
///
/// Items: R1 done (Dec 2013 – Feb 2014), R2 doing (Mar – Jun 2014, waits for R1), R3 planned
/// next (Jan 2015, one date). The axis starts in December 2013: its year is written only when
/// it stays clear of "2014" above January.
@Suite struct TimelineTests {
    static let longTitle = "Eén verhuisformulier voor adres, afvalpas en parkeren"

    static let page = Result { () throws -> String in
        let folder = try Fixture.folder()
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("roadmap.sqlite").path, actor: "test",
                                          municipality: "Molensloot")
        try file.add(.item, input: [.title: "Nieuw e-formulier", .horizon: "now", .status: "done",
                                    .startDate: "2013-12-02", .doneDate: "2014-02-20"])
        try file.add(.item, input: [.title: longTitle, .horizon: "now", .status: "doing",
                                    .startDate: "2014-03-03", .dueDate: "2014-06-30"])
        try file.add(.item, input: [.title: "Uitleg-sticker", .horizon: "next", .status: "planned", .dueDate: "2015-01-15"])
        try file.link(.itemDependency, from: "R2", to: ["R1"])
        let out = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: out.path, language: .nl, today: ISODate("2014-04-01") ?? .today())
        return try String(contentsOf: out.appendingPathComponent("roadmap.html"), encoding: .utf8)
    }

    static func chart() throws -> String {
        let html = try page.get()
        let start = try #require(html.range(of: #"id="tijdlijn-grafiek-titel""#))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func texts(_ svg: String, class name: String) -> [(x: Double, y: Double, text: String)] {
        let pattern = #"<text x="([0-9.]+)" y="([0-9.]+)"[^>]*class="\#(name)">([^<]*)</text>"#
        let regex = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(svg.startIndex..., in: svg)
        return (regex?.matches(in: svg, range: range) ?? []).compactMap { match in
            guard let x = Range(match.range(at: 1), in: svg), let y = Range(match.range(at: 2), in: svg),
                  let text = Range(match.range(at: 3), in: svg), let xValue = Double(svg[x]), let yValue = Double(svg[y]) else { return nil }
            return (xValue, yValue, String(svg[text]))
        }
    }

    @Test func theWorkAheadComesFirstAndWhatIsDoneHasItsOwnLane() throws {
        let lanes = Self.texts(try Self.chart(), class: "label group-name").map(\.text)
        #expect(lanes == ["Nu", "Hierna", "Klaar"])
        let refs = Self.texts(try Self.chart(), class: "label ref-label").map(\.text)
        #expect(refs == ["R2", "R3", "R1"])
    }

    @Test func aLongTitleIsWrittenWholeOnTwoLines() throws {
        let lines = Self.texts(try Self.chart(), class: "label small").map(\.text)
        let index = try #require(lines.firstIndex { Self.longTitle.hasPrefix($0) })
        #expect(lines[index] + " " + lines[index + 1] == Self.longTitle)
        #expect(!lines.contains { $0.hasSuffix("…") })
    }

    @Test func arrowsRunUnderTheBarsAndYearsDoNotTouch() throws {
        let chart = try Self.chart()
        let arrow = try #require(chart.range(of: #"class="dependency""#))
        let firstBar = try #require(chart.range(of: #"class="span "#))
        #expect(arrow.lowerBound < firstBar.lowerBound)
        let years = Self.texts(chart, class: "label year-label")
        #expect(years.map(\.text) == ["2014", "2015"])
        for (left, right) in zip(years, years.dropFirst()) { #expect(right.x - left.x >= 48) }
    }
}
