import Foundation
import SixSteps

/// The reference for the site build: Hugo building a site of the same number of pages, with the
/// same text, from markdown. A page per finding, opportunity, item, metric and cycle carries that
/// record's title, fields and text, as molensloot's page for it does; the pages molensloot makes
/// besides those (steps, journeys, lists) are plain pages here, so both write the same count.
enum HugoSite {
    static let executable = URL(fileURLWithPath: "/usr/bin/hugo")

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// "0.111.3".
    static func version(_ workspace: Workspace) -> String {
        let result = runChild(executable, ["version"], in: workspace.folder, stdout: workspace.file("hugo-version.txt"))
        guard result.succeeded else { return "?" }
        let text = workspace.text(of: "hugo-version.txt")
        return text.split(separator: " ").dropFirst().first.map { String($0.dropFirst().prefix { $0 != "+" && $0 != "-" }) } ?? "?"
    }

    /// Writes the Hugo project for `document` into `folder`, with `pages` content pages in all.
    static func write(_ document: JSONObject, pages: Int, into folder: URL) {
        let content = folder.appendingPathComponent("content")
        try? FileManager.default.removeItem(at: folder)
        do {
            for section in ["bevindingen", "kansen", "items", "metingen", "cycli", "overig"] {
                try FileManager.default.createDirectory(at: content.appendingPathComponent(section), withIntermediateDirectories: true)
            }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("layouts/_default"),
                                                    withIntermediateDirectories: true)
            try config.write(to: folder.appendingPathComponent("hugo.toml"), atomically: false, encoding: .utf8)
            for (name, template) in templates {
                try template.write(to: folder.appendingPathComponent("layouts/_default/\(name)"), atomically: false, encoding: .utf8)
            }
            var written = 0
            func page(_ section: String, _ name: String, _ title: String, _ body: String) throws {
                let text = "---\ntitle: \(quoted(title))\n---\n\n\(body)\n"
                try text.write(to: content.appendingPathComponent("\(section)/\(name).md"), atomically: false, encoding: .utf8)
                written += 1
            }
            for finding in document["findings"]?.array ?? [] {
                try page("bevindingen", finding.string("id"), finding.string("title"), """
                    - Soort: \(finding.string("kind"))
                    - Klantreis: [\(finding.string("journey"))](/overig/pagina-1/), fase \(finding.string("phase"))
                    - Ernst: \(finding["severity"]?.int ?? 0)
                    - Bron: \(finding.string("source"))

                    ## Onderbouwing

                    \(finding.string("evidence"))
                    """)
            }
            for opportunity in document["opportunities"]?.array ?? [] {
                let findings = (opportunity["findings"]?.array ?? []).map { "- [\($0.string ?? "")](/bevindingen/\($0.string ?? "")/)" }
                try page("kansen", opportunity.string("id"), opportunity.string("title"), """
                    Impact \(opportunity["impact"]?.int ?? 0), moeite \(opportunity["effort"]?.int ?? 0), \
                    bereik \(opportunity["reach"]?.int ?? 0), zekerheid \(opportunity["confidence"]?.int ?? 0)%.

                    \(opportunity.string("description"))

                    ## Bevindingen

                    \(findings.joined(separator: "\n"))
                    """)
            }
            for item in document["items"]?.array ?? [] {
                let opportunities = (item["opportunities"]?.array ?? []).map { "- [\($0.string ?? "")](/kansen/\($0.string ?? "")/)" }
                try page("items", item.string("id"), item.string("title"), """
                    - Eigenaar: \(item.string("owner")), team \(item.string("team"))
                    - Horizon: \(item.string("horizon")), status \(item.string("status"))

                    ## Verbeterkansen

                    \(opportunities.joined(separator: "\n"))
                    """)
            }
            let measurements = Dictionary(grouping: document["measurements"]?.array ?? [], by: { $0.string("metric") })
            for metric in document["metrics"]?.array ?? [] {
                let rows = (measurements[metric.string("slug")] ?? []).map {
                    "| \($0.string("cycle")) | \($0["value"]?.double ?? 0) | \($0["n"]?.int ?? 0) |"
                }
                try page("metingen", metric.string("slug"), metric.string("name"), """
                    Nulmeting \(metric["baseline"]?.double ?? 0), doel \(metric["target"]?.double ?? 0) \(metric.string("unit")).

                    | cyclus | waarde | n |
                    |---|---|---|
                    \(rows.joined(separator: "\n"))
                    """)
            }
            for cycle in document["cycles"]?.array ?? [] {
                try page("cycli", cycle.string("id"), cycle.string("name"), cycle.string("note"))
            }
            var filler = 1
            while written < pages {
                try page("overig", "pagina-\(filler)", "Pagina \(filler)", "Een overzichtspagina van de roadmap.")
                filler += 1
            }
        } catch {
            fatal("cannot write the Hugo project in \(folder.path): \(error.localizedDescription)")
        }
    }

    /// The arguments that build the project in `project` into `out`.
    static func buildArguments(project: URL, out: String) -> [String] {
        ["--quiet", "--source", project.path, "--destination", out, "--cleanDestinationDir"]
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static let config = """
        baseURL = "/"
        languageCode = "nl"
        title = "Gemeente Molensloot"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
        uglyURLs = true
        """

    /// A page layout like molensloot's: header, navigation, main, footer.
    private static let templates = [
        ("baseof.html", """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/style.css"></head>
            <body><header><a href="/">{{ .Site.Title }}</a><nav><ul>
            {{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
            </ul></nav></header><main><h1>{{ .Title }}</h1>{{ block "main" . }}{{ end }}</main>
            <footer>Gemaakt met Hugo</footer></body></html>
            """),
        ("single.html", "{{ define \"main\" }}{{ .Content }}{{ end }}"),
        ("list.html", "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"),
    ]
}

private extension JSON {
    /// A text field, or "" when it is missing or null.
    func string(_ key: String) -> String { self[key]?.string ?? "" }
}
