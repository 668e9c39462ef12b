import Foundation
import SixSteps
import Site
import Testing

/// The site built from a roadmap that fills every page, checked page by page.
@Suite struct SiteBuildTests {
    struct Built {
        let folder: URL
        let pages: [String: String]
    }

    static func build(_ language: Language) throws -> Built {
        let folder = try Fixture.folder()
        let file = try Fixture.roadmap(in: folder)
        let out = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: out.path, language: language, today: ISODate("2014-11-04") ?? .today())
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return Built(folder: out, pages: pages)
    }

    static let dutch = Result { try build(.nl) }
    static let english = Result { try build(.en) }

    static func site(_ language: Language) throws -> Built {
        try (language == .nl ? dutch : english).get()
    }

    @Test(arguments: [Language.nl, .en])
    func everyPageKindIsThere(_ language: Language) throws {
        let pages = try Self.site(language).pages
        for name in ["index.html", "toegankelijkheid.html", "stap-1.html", "stap-2.html", "stap-3.html", "stap-4.html",
                     "stap-5.html", "stap-6.html", "bevindingen.html", "verbeterkansen.html", "roadmap.html", "metingen.html",
                     "cycli.html", "klantreis-mor.html", "klantreis-leeg.html", "f1.html", "f4.html", "o1.html", "o3.html",
                     "r1.html", "r5.html", "meting-tevredenheid.html", "meting-doorlooptijd.html", "c1.html", "c2.html"] {
            #expect(pages[name] != nil, "\(name) is missing")
        }
    }

    @Test(arguments: [Language.nl, .en])
    func everyPageHasOneH1ALanguageLandmarksAndATitle(_ language: Language) throws {
        for (name, html) in try Self.site(language).pages {
            let tags = HTMLScan.tags(html)
            #expect(tags.filter { $0.name == "h1" }.count == 1, "\(name): not exactly one h1")
            #expect(tags.first { $0.name == "html" }?.attributes["lang"] == language.rawValue, "\(name): lang")
            for landmark in ["header", "nav", "main", "footer"] {
                #expect(tags.contains { $0.name == landmark }, "\(name): no <\(landmark)>")
            }
            let title = HTMLScan.text(of: "title", in: html)
            #expect(title.map { !$0.isEmpty } ?? false, "\(name): no title")
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(name): no doctype")
        }
    }

    @Test(arguments: [Language.nl, .en])
    func everyInternalLinkAndAnchorResolves(_ language: Language) throws {
        let site = try Self.site(language)
        var ids: [String: Set<String>] = [:]
        for (name, html) in site.pages {
            ids[name] = Set(HTMLScan.tags(html).compactMap { $0.attributes["id"] ?? nil })
        }
        for (name, html) in site.pages {
            for tag in HTMLScan.tags(html) {
                for attribute in ["href", "src"] {
                    guard let value = tag.attributes[attribute] ?? nil, !value.hasPrefix("http"), !value.hasPrefix("mailto:") else { continue }
                    let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let file = parts[0].isEmpty ? name : parts[0]
                    let exists = FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(file).path)
                    #expect(exists, "\(name): \(attribute)=\(value) points nowhere")
                    if parts.count == 2, file.hasSuffix(".html") {
                        #expect(ids[file]?.contains(parts[1]) ?? false, "\(name): anchor \(value) does not exist")
                    }
                }
            }
        }
    }

    @Test(arguments: [Language.nl, .en])
    func typedTextNeverBecomesMarkup(_ language: Language) throws {
        let allowedTags: Set<String> = [
            "html", "head", "meta", "title", "link", "script", "body", "a", "span", "header", "div", "nav", "ul", "ol", "li",
            "main", "h1", "h2", "h3", "h4", "p", "section", "footer", "table", "caption", "thead", "tbody", "tr", "th", "td",
            "dl", "dt", "dd", "strong", "em", "blockquote", "figure", "figcaption", "details", "summary", "svg", "g", "rect",
            "line", "circle", "polyline", "polygon", "path", "text", "desc", "img", "small", "abbr", "time", "br", "article",
            "aside", "marker", "defs", "tspan", "b", "i", "q", "cite", "mark", "meter", "progress", "col", "colgroup", "tfoot",
            "code", "kbd", "sup", "sub",
        ]
        for (name, html) in try Self.site(language).pages {
            #expect(!html.contains(#"<script>alert"#), "\(name): the payload's script is in the page")
            #expect(!html.contains("<img src=x"), "\(name): the payload's img is in the page")
            for tag in HTMLScan.tags(html) {
                #expect(allowedTags.contains(tag.name), "\(name): unexpected element <\(tag.name)>")
                #expect(!tag.attributes.keys.contains { $0.hasPrefix("on") }, "\(name): event attribute on <\(tag.name)>")
                if tag.name == "script" { #expect(tag.attributes["src"] == "assets/site.js", "\(name): a script that is not ours") }
            }
        }
        // The payload is there, escaped, where the municipality's name goes.
        let index = try #require(try Self.site(language).pages["index.html"])
        #expect(index.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") || index.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"))
        #expect(index.contains("&amp;"))
    }

    @Test func suppressedGroupsAndUnquotedCommentsStayOff() throws {
        for (name, html) in try Self.site(.nl).pages {
            // Only the two comments marked quotable may appear; the others never do.
            for number in [20, 30] {
                #expect(!html.contains("Opmerking \(number) "), "\(name): an unquoted comment is shown")
            }
        }
    }

    @Test func dutchAndEnglishDiffer() throws {
        let dutch = try #require(try Self.site(.nl).pages["index.html"])
        let english = try #require(try Self.site(.en).pages["index.html"])
        #expect(dutch.contains("Naar de inhoud") && english.contains("Skip to content"))
        #expect(dutch.contains("4 november 2014") && english.contains("4 November 2014"))
    }
}

/// Enough of an HTML reader for pages this project writes: every `<` in text is escaped, so
/// tags can be found by pattern.
enum HTMLScan {
    struct Tag {
        let name: String
        let attributes: [String: String?]
    }

    static let tagPattern = try? NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>"#)
    static let attributePattern = try? NSRegularExpression(pattern: #"([^\s=>]+)(?:="([^"]*)")?"#)

    static func tags(_ html: String) -> [Tag] {
        guard let tagPattern, let attributePattern else { return [] }
        let text = html as NSString
        return tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
            let name = text.substring(with: match.range(at: 1)).lowercased()
            let rest = match.range(at: 2).location == NSNotFound ? "" : text.substring(with: match.range(at: 2))
            var attributes: [String: String?] = [:]
            let restText = rest as NSString
            for attribute in attributePattern.matches(in: rest, range: NSRange(location: 0, length: restText.length)) {
                let key = restText.substring(with: attribute.range(at: 1)).lowercased()
                let value = attribute.range(at: 2).location == NSNotFound ? nil : restText.substring(with: attribute.range(at: 2))
                attributes[key] = value.map { unescape($0) }
            }
            return Tag(name: name, attributes: attributes)
        }
    }

    static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func text(of element: String, in html: String) -> String? {
        guard let start = html.range(of: "<\(element)>"), let end = html.range(of: "</\(element)>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
