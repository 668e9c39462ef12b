import SixSteps

extension Theme {
    static func load(from file: RoadmapFile) throws -> Theme {
        var theme = Theme.standard
        // Checked again as read: a file written by hand must not put anything in the CSS either.
        theme.name = try file.setting(.themeName).flatMap { try? ThemeRules.name($0) }
        if let primary = try file.setting(.themePrimary), let checked = try? ThemeRules.color(primary) { theme.primary = checked }
        if let stored = try file.setting(.themeLogo), (try? ThemeRules.storedLogo(stored)) != nil, let colon = stored.firstIndex(of: ":"),
           let bytes = Base64.decode(String(stored[stored.index(after: colon)...])) {
            theme.logo = Logo(fileExtension: String(stored[..<colon]), bytes: bytes)
        }
        return theme
    }

    /// Saves the parts given. A colour that white text cannot be read on is refused, since the
    /// header would fail WCAG's contrast rule.
    public static func save(to file: RoadmapFile, name: String?, primary: String?, logo: (fileExtension: String, bytes: [UInt8])?,
                            removeLogo: Bool) throws {
        // The rules live in the domain, where `import` applies them too.
        let primary = try primary.map(ThemeRules.color)
        let name = try name.map(ThemeRules.name)
        if let logo { try ThemeRules.logo(fileExtension: logo.fileExtension, bytes: logo.bytes) }
        try file.write {
            if let name { try file.setSetting(.themeName, name) }
            if let primary { try file.setSetting(.themePrimary, primary) }
            if let logo { try file.setSetting(.themeLogo, logo.fileExtension + ":" + Base64.encode(logo.bytes)) }
            if removeLogo { try file.setSetting(.themeLogo, "") }
        }
    }
}
