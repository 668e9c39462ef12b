#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SixSteps
import Site

/// The static site teams read.
enum SiteCommands {
    static let command = Command(
        name: "site", abstract: t("Bouw de site die teams lezen, en stel de kleuren en het logo van de gemeente in.", "Build the static site teams read, and set the municipality's colours and logo."),
        subcommands: [build, theme])

    static let build = Command(
        name: "build", abstract: t("Schrijf de hele site in een map; die wordt ernaast gebouwd en in één keer gewisseld.", "Write the whole site into a folder; it is built beside it and swapped in at once."),
        options: [.init(name: "out", value: t("map", "folder"), help: t("waar de site komt (standaard: ./site)", "where the site goes (default: ./site)")),
                  .flag("force", t("zet een map die molensloot niet maakte opzij in plaats van te weigeren",
                                   "move a folder that was not made by molensloot aside instead of refusing"))],
        examples: ["molensloot site build --out site", "molensloot site build --out site-en --lang en"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let result = try SiteBuilder.build(roadmap, to: invocation.value("out") ?? "site", language: language,
                                           force: invocation.flag("force"))
        if let aside = result.movedAside { Output.print(t("de map die er stond is verplaatst naar ", "moved the folder that was there to ") + aside) }
        Output.print(t("\(result.pages) pagina's geschreven in \(result.path); open \(result.path)/index.html", "wrote \(result.pages) pages to \(result.path); open \(result.path)/index.html"))
    }

    static let theme = Command(
        name: "theme", abstract: t("Stel de naam, de kleur van de kop en het logo van de site in (bewaard in het roadmap-bestand).", "Set the site's name, header colour and logo (kept in the roadmap file)."),
        options: [.init(name: "name", value: t("tekst", "text"), help: t("de naam in de kop, bijv. \"Gemeente Molensloot\"", "the name in the header, e.g. \"Gemeente Molensloot\"")),
                  .init(name: "color", value: "#rrggbb", help: t("de kleur van de kop; witte tekst moet erop leesbaar zijn", "the header colour; white text must be readable on it")),
                  .init(name: "logo", value: t("bestand", "file"), help: t("een logo als .png of .svg, hoogstens 512 KB", "a .png or .svg logo, at most 512 KB")),
                  .flag("no-logo", t("haal het logo weg", "remove the logo"))],
        examples: ["molensloot site theme --name \"Gemeente Molensloot\" --color #00548c --logo logo.svg"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var logo: (fileExtension: String, bytes: [UInt8])?
        if let path = invocation.value("logo") {
            let lowered = path.lowercased()
            let fileExtension = lowered.hasSuffix(".svg") ? "svg" : lowered.hasSuffix(".png") ? "png" : ""
            logo = (fileExtension, try readLogoFile(path))
        }
        try Theme.save(to: roadmap, name: invocation.value("name"), primary: invocation.value("color"), logo: logo,
                       removeLogo: invocation.flag("no-logo"))
        Output.print(t("het thema is bewaard; bouw de site opnieuw om het te zien", "saved the theme; build the site again to see it"))
    }
}

/// A logo is read only from a regular file (not a link to somewhere else, a device or a pipe)
/// of at most the size the site takes, checked before a byte is read.
func readLogoFile(_ path: String) throws -> [UInt8] {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw CommandError.file(t("kan \(path) niet lezen: ", "cannot read \(path): ") + systemMessage(errno)) }
    guard info.st_mode & S_IFMT == S_IFREG else {
        throw CommandError.file(t("\(path) is geen gewoon bestand (maar een link, map of apparaat); noem het logobestand zelf", "\(path) is not a regular file (a link, folder or device); name the logo file itself"))
    }
    guard info.st_size <= ThemeRules.maximumLogoBytes else {
        throw CommandError.file(t("het logo \(path) is groter dan 512 KB; gebruik een kleiner bestand", "the logo \(path) is larger than 512 KB; use a smaller file"))
    }
    return try readBinaryFile(path)
}
