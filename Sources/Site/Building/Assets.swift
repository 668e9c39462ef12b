/// The files under assets/: the stylesheet and the script from Web/, built into the binary so a
/// copied binary works alone, and the theme made from the roadmap file.
enum Assets {
    static func files(theme: Theme) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("style.css", PackageResources.style_css),
            ("site.js", PackageResources.site_js),
            ("theme.css", Array(themeCSS(theme).utf8)),
        ]
        if let logo = theme.logo { files.append(("logo.\(logo.fileExtension)", logo.bytes)) }
        return files
    }

    static func themeCSS(_ theme: Theme) -> String {
        ":root {\n  --ms-primary: \(theme.primary);\n  --ms-primary-tint: \(theme.tint);\n}\n"
    }
}
