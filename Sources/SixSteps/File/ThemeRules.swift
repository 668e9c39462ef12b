#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rules for the site's look, in the domain so that `site theme`, `import` and `init --from`
/// apply the same ones: the colour ends up in the site's CSS and the logo in its pages, so
/// nothing reaches them unchecked.
public enum ThemeRules {
    public static let maximumLogoBytes = 512 * 1024

    /// A colour like #1f4e79 that white text can be read on (WCAG's 4.5:1); returned lowercased.
    public static func color(_ text: String) throws -> String {
        guard let contrast = contrastWithWhite(text), text.hasPrefix("#") else {
            throw DomainError.inconsistent(Message("--color '\(text)' kan niet: verwacht een kleur zoals #1f4e79",
                                                   "--color '\(text)' is not valid: expected a colour like #1f4e79"))
        }
        guard contrast >= 4.5 else {
            let shown = (contrast * 10).rounded() / 10
            throw DomainError.inconsistent(Message(
                "--color \(text) geeft met witte tekst een contrast van \(Language.nl.number(shown)):1, onder de 4,5:1 die WCAG vraagt; kies een donkerder kleur",
                "--color \(text) gives a contrast of \(shown):1 with white text, below the 4.5:1 WCAG asks; choose a darker colour"))
        }
        return text.lowercased()
    }

    /// WCAG asks 4.5:1 for normal text; the header's white text sits on the primary colour.
    public static func contrastWithWhite(_ hex: String) -> Double? {
        guard let (r, g, b) = rgb(hex) else { return nil }
        func channel(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        return 1.05 / (luminance + 0.05)
    }

    public static func rgb(_ hex: String) -> (Double, Double, Double)? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.utf8.count == 6, digits.utf8.allSatisfy({ $0 < 128 && Character(Unicode.Scalar($0)).isHexDigit }),
              let value = Int(digits, radix: 16) else { return nil }
        return (Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF))
    }

    /// The name above the municipality's: readable text, not empty. (It is escaped on the site
    /// like any text; the rule is for the terminal and for a header that says something.)
    public static func name(_ text: String) throws -> String {
        guard !text.trimmingSpaces.isEmpty else { throw DomainError.inconsistent(Message("--name mag niet leeg zijn; geef een naam", "--name must not be empty")) }
        try TextRules.check(text, field: "name")
        return text
    }

    /// A PNG (by its signature) or an SVG without script, event handlers, foreign objects,
    /// entities or references outside itself, of at most 512 KB. An SVG is refused rather than
    /// cleaned: a cleaner that misses one construct would pass it on.
    public static func logo(fileExtension: String, bytes: [UInt8]) throws {
        guard ["png", "svg"].contains(fileExtension) else { throw DomainError.inconsistent(Message("het logo moet een .png- of .svg-bestand zijn", "the logo must be a .png or .svg file")) }
        guard bytes.count <= maximumLogoBytes else {
            throw DomainError.inconsistent(Message("het logo is groter dan 512 KB; gebruik een kleiner bestand", "the logo is larger than 512 KB; use a smaller file"))
        }
        if fileExtension == "png" {
            guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
                throw DomainError.inconsistent(Message(
                    "het logo is geen PNG-afbeelding (de eerste bytes zijn niet die van een PNG); exporteer het opnieuw als PNG",
                    "the logo is not a PNG image (its first bytes are not a PNG's); export it again as PNG"))
            }
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DomainError.inconsistent(Message("het SVG-logo is geen UTF-8-tekst; exporteer het opnieuw als gewone SVG",
                                                   "the SVG logo is not UTF-8 text; export it again as plain SVG"))
        }
        if let problem = svgProblem(text) {
            throw DomainError.inconsistent(Message("het SVG-logo bevat \(problem.nl), en een site mag dat niet uitvoeren of ophalen; "
                                                       + "exporteer het opnieuw als gewone tekening, of gebruik een PNG",
                                                   "the SVG logo holds \(problem.en), which a site must not run or fetch; "
                                                       + "export it again as a plain drawing, or use a PNG"))
        }
    }

    /// The first construct of an SVG that could run script or fetch something, or nil.
    static func svgProblem(_ text: String) -> Message? {
        // Every kind of white space as one space, so "<svg\nonload=" reads like "<svg onload=".
        var lower = ""
        lower.unicodeScalars.append(contentsOf: text.lowercased().unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 })
        guard lower.contains("<svg") else { return Message("geen <svg>-element", "no <svg> element") }
        for (needle, problem) in [("<script", Message("een script", "a script")),
                                  ("javascript:", Message("een javascript:-link", "a javascript: link")),
                                  ("<foreignobject", Message("een foreignObject", "a foreign object")),
                                  ("<!entity", Message("een entity-declaratie", "an entity declaration")),
                                  ("<!doctype", Message("een doctype-declaratie", "a document type declaration")),
                                  ("@import", Message("een stijl-import", "a style import")),
                                  ("<iframe", Message("een ingebed frame", "an embedded frame")),
                                  ("<embed", Message("een ingebed object", "an embedded object")),
                                  ("<object", Message("een ingebed object", "an embedded object")),
                                  ("<use", Message("een <use>-verwijzing", "a <use> reference")),
                                  ("<image", Message("een ingebedde afbeelding", "an embedded image")),
                                  ("<a ", Message("een link", "a link")), ("<animate", Message("een animatie", "an animation")),
                                  ("<set", Message("een animatie", "an animation")),
                                  ("<handler", Message("een event handler", "an event handler")),
                                  ("<listener", Message("een event listener", "an event listener"))]
        where lower.contains(needle) {
            return problem
        }
        // Event handlers: an attribute whose name starts with "on".
        let scalars = Array(lower.unicodeScalars)
        for index in scalars.indices.dropFirst() where scalars[index] == "o" && index + 2 < scalars.count && scalars[index + 1] == "n" {
            let before = scalars[index - 1]
            guard before == " " || before == "\t" || before == "\"" || before == "'" || before == "/" else { continue }
            var end = index + 2
            while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "-" { end += 1 }
            var after = end
            while after < scalars.count, scalars[after] == " " { after += 1 }
            if after < scalars.count, scalars[after] == "=", end > index + 2 { return Message("een event handler", "an event handler") }
        }
        // References: only to a place inside the drawing (#id).
        for attribute in ["href", "url(", "src"] {
            let needle = Array(attribute.unicodeScalars)
            var start = 0
            while start + needle.count <= scalars.count {
                guard Array(scalars[start..<start + needle.count]) == needle else { start += 1; continue }
                var after = start + needle.count
                while after < scalars.count, [" ", "=", "\"", "'"].contains(scalars[after]) { after += 1 }
                if after >= scalars.count || scalars[after] != "#" {
                    return Message("een verwijzing buiten de tekening (\(attribute))", "a reference outside the drawing (\(attribute))")
                }
                start = after
            }
        }
        return nil
    }

    /// A logo as the settings table keeps it: `png:BASE64`, `svg:BASE64` or empty (none).
    public static func storedLogo(_ text: String) throws {
        guard !text.isEmpty else { return }
        guard let colon = text.firstIndex(of: ":"), let bytes = Base64.decode(String(text[text.index(after: colon)...])) else {
            throw DomainError.inconsistent(Message("het logo moet png:BASE64 of svg:BASE64 zijn", "the logo should be png:BASE64 or svg:BASE64"))
        }
        try logo(fileExtension: String(text[..<colon]), bytes: bytes)
    }
}
