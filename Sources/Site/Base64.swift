import SixSteps

/// Base64 for the logo kept in the settings table, without Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - offset * 8) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - position * 6)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var lookup = [UInt8](repeating: 255, count: 256)
        for (value, byte) in alphabet.enumerated() { lookup[Int(byte)] = UInt8(value) }
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            let value = lookup[Int(byte)]
            guard value != 255 else { return nil }
            buffer = (buffer << 6) | Int(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        return output
    }
}

extension Theme {
    static func load(from file: RoadmapFile) throws -> Theme {
        var theme = Theme.standard
        theme.name = try file.setting(.themeName)
        if let primary = try file.setting(.themePrimary) { theme.primary = primary }
        if let stored = try file.setting(.themeLogo), let colon = stored.firstIndex(of: ":"),
           let bytes = Base64.decode(String(stored[stored.index(after: colon)...])) {
            theme.logo = Logo(fileExtension: String(stored[..<colon]), bytes: bytes)
        }
        return theme
    }

    /// Saves the parts given. A colour that white text cannot be read on is refused, since the
    /// header would fail WCAG's contrast rule.
    public static func save(to file: RoadmapFile, name: String?, primary: String?, logo: (fileExtension: String, bytes: [UInt8])?,
                            removeLogo: Bool) throws {
        if let primary {
            guard let contrast = contrastWithWhite(primary) else {
                throw DomainError.inconsistent("--color '\(primary)' is not valid: expected a colour like #1f4e79")
            }
            guard contrast >= 4.5 else {
                throw DomainError.inconsistent("--color \(primary) gives a contrast of \(Language.en.number(contrast, decimals: 1)):1 "
                                               + "with white text, below the 4.5:1 WCAG asks; choose a darker colour")
            }
        }
        if let logo {
            guard ["png", "svg"].contains(logo.fileExtension) else {
                throw DomainError.inconsistent("the logo must be a .png or .svg file")
            }
            guard logo.bytes.count <= 512 * 1024 else {
                throw DomainError.inconsistent("the logo is larger than 512 KB; use a smaller file")
            }
        }
        try file.write {
            if let name { try file.setSetting(.themeName, name) }
            if let primary { try file.setSetting(.themePrimary, primary.lowercased()) }
            if let logo { try file.setSetting(.themeLogo, logo.fileExtension + ":" + Base64.encode(logo.bytes)) }
            if removeLogo { try file.setSetting(.themeLogo, "") }
        }
    }
}
