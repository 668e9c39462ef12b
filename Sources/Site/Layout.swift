import SixSteps

/// The frame every page shares: language, title, the skip link, the header with the
/// municipality's name and logo, the main navigation, `<main>` with the one h1, and the footer.
enum Layout {
    static func document(_ page: Page, _ context: PageContext) -> String {
        let language = context.language
        let data = context.data
        let siteName = data.theme.name ?? (data.municipality.isEmpty ? "Molensloot" : data.municipality)
        let tree = Node.group([
            el("html", [Attribute("lang", language.rawValue)]) {
                el("head") {
                    el("meta", [Attribute("charset", "utf-8")])
                    el("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
                    el("title") { "\(page.title) · \(siteName)" }
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
                        navigation(page.section, language)
                    }
                    el("main", [.id("inhoud")]) {
                        el("h1") { page.title }
                        if let lead = page.lead { el("p", [.class("lead")]) { lead } }
                        page.body
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
            },
        ])
        var html = "<!DOCTYPE html>\n"
        html.reserveCapacity(16_384)
        tree.render(into: &html)
        html += "\n"
        return html
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
