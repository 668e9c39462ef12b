import SixSteps

/// The frame every page shares: language, title, the skip link, the header with the
/// municipality's name and logo, the main navigation, `<main>` with the one h1, and the footer.
enum Layout {
    /// The frame of every page of one section, rendered once per build: what comes before the
    /// title in `<head>`, between it and the `<h1>`, between the `<h1>` and the page's own part of
    /// `<main>`, and after it. Thousands of pages share it, so it is not built and rendered again
    /// for each of them.
    typealias Frame = [[UInt8]]

    /// One frame per section, in the order of `Section`'s raw values.
    static func frames(_ context: PageContext) -> [Frame] {
        Section.allCases.map { section in
            var pieces = frame(section, context).renderSlots()
            pieces[0] = Array("<!DOCTYPE html>\n".utf8) + pieces[0]
            pieces[pieces.count - 1] += Array("\n".utf8)
            return pieces
        }
    }

    static func document(_ page: Page, in frame: Frame, into html: inout [UInt8]) {
        html += frame[0]
        Node.escape(page.title, into: &html, quotes: false)
        html += frame[1]
        Node.escape(page.title, into: &html, quotes: false)
        html += frame[2]
        if let lead = page.lead { el("p", [.class("lead")]) { lead }.render(into: &html) }
        page.body.render(into: &html)
        html += frame[3]
    }

    /// The page around its title (the two first slots) and its main part (the third).
    private static func frame(_ section: Section, _ context: PageContext) -> Node {
        let language = context.language
        let data = context.data
        let siteName = data.theme.name ?? (data.municipality.isEmpty ? "Molensloot" : data.municipality)
        return el("html", [Attribute("lang", language.rawValue)]) {
                el("head") {
                    el("meta", [Attribute("charset", "utf-8")])
                    el("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
                    el("title") {
                        Node.slot
                        " · \(siteName)"
                    }
                    el("link", [Attribute("rel", "stylesheet"), .href("assets/style.css")])
                    el("link", [Attribute("rel", "stylesheet"), .href("assets/theme.css")])
                    el("script", [Attribute("src", "assets/site.js"), Attribute("defer", nil)])
                }
                el("body") {
                    link("#inhoud", [.class("skip")]) { language.t("Naar de inhoud", "Skip to content") }
                    el("header", [.class("site")]) {
                        el("div", [.class("bar")]) {
                            link("index.html", [.class("home")]) {
                                if let logo = data.theme.logo {
                                    el("img", [Attribute("src", "assets/logo.\(logo.fileExtension)"), Attribute("alt", ""),
                                               Attribute("width", "40"), Attribute("height", "40")])
                                }
                                el("span") { siteName }
                            }
                            el("span", [.class("tagline")]) {
                                language.t("Verbeteren van de dienstverlening", "Improving public service")
                            }
                        }
                        navigation(section, language)
                    }
                    el("main", [.id("inhoud")]) {
                        el("h1") { Node.slot }
                        Node.slot
                    }
                    el("footer", [.class("site")]) {
                        el("p") {
                            language.t("Gemaakt met Molensloot op \(language.date(data.today.description)).",
                                       "Made with Molensloot on \(language.date(data.today.description)).")
                            " "
                            link(Section.about.file) { language.t("Toegankelijkheid", "Accessibility") }
                        }
                    }
                }
            }
    }

    static func navigation(_ current: Section, _ language: Language) -> Node {
        el("nav", [.aria("label", language.t("Hoofdmenu", "Main menu"))]) {
            el("ul") {
                Section.allCases.filter { $0 != .about }.map { section in
                    el("li") {
                        link(section.file, section == current ? [.aria("current", "page")] : []) { section.title(language) }
                    }
                }
            }
        }
    }
}

/// Building blocks that many pages share.
extension PageContext {
    /// A section of a page with its h2; `id` makes it a target for links.
    public func section(_ title: String, id: String? = nil, @HTMLBuilder _ content: () -> Node) -> Node {
        el("section", id.map { [.id($0), .aria("labelledby", "\($0)-kop")] } ?? []) {
            el("h2", id.map { [.id("\($0)-kop")] } ?? []) { title }
            content()
        }
    }

    /// A table with a caption and column headers; cells are nodes. Sortable with the site's
    /// script when JavaScript runs; a plain table when it does not.
    public func table(caption: String, headers: [String], numeric: Set<Int> = [], sortable: Bool = false,
                      rows: [[Node]]) -> Node {
        // A named, focusable region: a keyboard user can scroll a wide table, and a screen reader
        // names it. On a phone the rows stack, each cell with its column's name (data-label).
        el("div", [.class("table-wrap"), Attribute("role", "region"), Attribute("tabindex", "0"), .aria("label", caption)]) {
            el("table", sortable ? [Attribute("data-sortable", nil)] : []) {
                el("caption") { caption }
                el("thead") {
                    el("tr") {
                        headers.enumerated().map { index, header in
                            el("th", [Attribute("scope", "col")] + (numeric.contains(index) ? [.class("num")] : [])) { header }
                        }
                    }
                }
                el("tbody") {
                    rows.map { row in
                        el("tr") {
                            row.enumerated().map { index, cell in
                                el("td", (numeric.contains(index) ? [.class("num")] : [])
                                    + (index < headers.count ? [Attribute("data-label", headers[index])] : [])) { cell }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A definition list of label/value pairs, leaving out empty values.
    public func facts(_ pairs: [(String, Node?)]) -> Node {
        el("dl", [.class("facts")]) {
            pairs.compactMap { label, value in value.map { (label, $0) } }.map { label, value in
                Node.group([el("dt") { label }, el("dd") { value }])
            }
        }
    }

    /// A small coloured label: a status, a verdict, a kind.
    public func badge(_ text: String, tone: String) -> Node {
        el("span", [.class("badge \(tone)")]) { text }
    }
}
