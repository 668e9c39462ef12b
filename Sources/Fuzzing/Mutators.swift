/// Values that break parsers: numbers at and past their limits, dates that are not, text that
/// looks like markup, SQL or a formula, and Unicode that changes length, direction or meaning.
public enum Interesting {
    public static let numbers = [
        "0", "-0", "-1", "+3", "00007", "1e3", "1E-3", "1e309", "-1e309", "1e-400", "NaN", "nan", "inf", "-Infinity",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "99999999999999999999999999999999999999", "0x1F", "1,5", "7,8", "1.000,5", "1,000.5", ",5", "7,", "1..2", "1,2,3",
        "٣", "３", "½", "2,147483648e9", "4.9e-324", "1.7976931348623157e308", " 7 ", "7\u{A0}", "٫5",
    ]

    public static let dates = [
        "2014-03-12", "12-03-2014", "2014-02-29", "2016-02-29", "2014-02-30", "0000-00-00", "9999-12-31", "2014-13-01",
        "31-12-99999", "2014-3-5", "2014/03/12", "12.03.2014", "2014-03-12T10:00:00Z", "-2014-03-12", "20140312",
        "2014-03", "1900-01-01", "2014-03-32",
    ]

    public static let texts = [
        "", " ", "\"", "\"\"", "'", ";", ",", "\t", "\\", "\\u0000", "{}", "[]", "null", "true", "=1+1", "=cmd|' /C calc'!A0",
        "<script>alert(1)</script>", "'); DROP TABLE findings; --", "\" OR 1=1 --", "%s%n%x", "../../etc/passwd",
        "F1", "F0", "F-1", "f1", "C99999999999999999999", "mor", "MOR", "tevredenheid", "web", "a b", "--db", "-h",
    ]

    /// Text a person can type that is hard to get right: joiners, combining marks, right-to-left,
    /// astral planes, a byte order mark, line and paragraph separators, noncharacters.
    public static let unicode = [
        "\u{FEFF}", "\u{200B}", "\u{200D}", "\u{202E}lmth.exe", "e\u{301}", "\u{1F469}\u{1F3FD}\u{200D}\u{1F52C}",
        "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "\u{1D518}\u{1D52B}\u{1D526}", "İ", "ß", "ﬃ", "\u{2028}", "\u{2029}", "\u{85}",
        "\u{7F}", "Z\u{324}\u{354}\u{367}\u{311}a\u{308}\u{356}", "日本語", "עברית ومرحبا", "\u{1B}[31m", "\u{E000}",
        "Ω≈ç√∫", "ÅÄÖ", "\u{301}", "\u{FE0F}", "🇳🇱", "\r", "\u{C}",
    ]

    /// Byte sequences that are not UTF-8, and the byte order marks of other encodings.
    public static let badBytes: [[UInt8]] = [
        [0xC3], [0xFF], [0xFE], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xE2, 0x82],
        [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x00], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]

    public static var all: [String] { numbers + dates + texts + unicode }
}

/// Mutations of bytes, lines and fields. Each returns a new input and never fails: an input
/// too small for a mutation comes back with another one applied.
public enum Mutate {
    /// One or more random mutations; `others` are inputs to splice from.
    public static func bytes(_ input: [UInt8], _ random: inout FuzzRandom, others: [[UInt8]] = []) -> [UInt8] {
        var data = input
        for _ in 0..<random.int(1...3) { data = byte(data, &random, others: others) }
        return data
    }

    static func byte(_ input: [UInt8], _ random: inout FuzzRandom, others: [[UInt8]]) -> [UInt8] {
        var data = input
        let position = random.below(data.count + 1)
        switch random.below(11) {
        case 0 where !data.isEmpty:
            let index = random.below(data.count)
            data[index] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where !data.isEmpty:
            data[random.below(data.count)] = random.pick(Array("\"';,\n\r\t\\{}[]:0-9.e \u{0}".utf8) + [0xFF, 0xC3, 0x80])
        case 2:
            data.insert(contentsOf: (0..<random.int(1...8)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 3:
            data.insert(contentsOf: Array(random.pick(Interesting.all).utf8), at: position)
        case 4:
            data.insert(contentsOf: random.pick(Interesting.badBytes), at: position)
        case 5 where !data.isEmpty:
            let start = random.below(data.count)
            data.removeSubrange(start..<min(data.count, start + random.int(1...64)))
        case 6 where !data.isEmpty:
            let start = random.below(data.count)
            let chunk = Array(data[start..<min(data.count, start + random.int(1...256))])
            data.insert(contentsOf: chunk, at: random.below(data.count + 1))
        case 7:
            data = Array(data.prefix(position))
        case 8 where !others.isEmpty:
            let other = random.pick(others)
            data = Array(data.prefix(position)) + Array(other.suffix(from: random.below(other.count + 1)))
        case 9 where data.count > 1:
            data.swapAt(random.below(data.count), random.below(data.count))
        case 10 where !data.isEmpty:
            // A long run: a field or a line far longer than anyone types.
            let start = random.below(data.count)
            let chunk = Array(data[start..<min(data.count, start + random.int(1...16))])
            let times = random.pick([100, 1_000, 20_000])
            data.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: times).joined()), at: random.below(data.count + 1))
        default:
            data.insert(contentsOf: Array(random.pick(Interesting.unicode).utf8), at: position)
        }
        return data
    }

    /// An input made up from nothing: bytes that are mostly what text files hold (letters,
    /// digits, separators, quotes, line breaks) with now and then any byte at all.
    public static func random(_ random: inout FuzzRandom, tokens: [String] = []) -> [UInt8] {
        let common = Array("abcdefghijklmnopqrstuvwxyz0123456789 ;,\"\n\r\t.-:{}[]".utf8)
        var data: [UInt8] = []
        for _ in 0..<random.int(0...random.pick([16, 400, 4_000])) {
            if !tokens.isEmpty && random.oneIn(3) {
                data += Array(random.pick(tokens).utf8)
            } else {
                data.append(random.oneIn(10) ? UInt8(truncatingIfNeeded: random.next()) : random.pick(common))
            }
        }
        return data
    }

    /// Line-level changes: lines dropped, doubled, swapped, line endings changed.
    public static func lines(_ input: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
        var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return bytes(input, &random) }
        let index = random.below(lines.count)
        switch random.below(8) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[index], at: random.below(lines.count + 1))
        case 2: lines.swapAt(index, random.below(lines.count))
        case 3: lines.insert([], at: random.below(lines.count + 1))
        case 4: return Array(lines.map { $0 + [UInt8(ascii: "\r")] }.joined(separator: [UInt8(ascii: "\n")]))
        case 5: return Array(lines.joined(separator: [UInt8(ascii: "\r")]))
        case 6: lines.insert(Array(String(repeating: random.pick([";", ","]), count: random.int(1...12)).utf8), at: index)
        default: lines.insert(contentsOf: [[UInt8]](repeating: lines[index], count: random.int(2...200)), at: index)
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// Field-level changes of a CSV text: a field replaced by an interesting value (quoted or
    /// not), separators swapped, columns added or removed, header names changed, quotes left open.
    public static func csv(_ input: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
        let text = String(decoding: input, as: UTF8.self)
        let separator: Character = text.prefix(while: { $0 != "\n" }).contains(";") ? ";" : ","
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        guard !rows.isEmpty else { return bytes(input, &random) }
        let row = random.below(rows.count)
        let column = random.below(max(1, rows[row].count))
        func set(_ value: String) {
            if rows[row].isEmpty { rows[row] = [value] } else { rows[row][column] = value }
        }
        switch random.below(10) {
        case 0, 1, 2:
            set(random.pick(Interesting.all))
        case 3:
            set("\"" + random.pick(Interesting.all).replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        case 4:
            set("\"" + random.pick(["a\nb", "a\r\nb", "x\"y", "\"", "a;b,c", "\n\n\n"]) + random.pick(["\"", ""]))
        case 5:
            let other: Character = separator == ";" ? "," : ";"
            return Array(String(text.map { $0 == separator ? other : $0 == other ? separator : $0 }).utf8)
        case 6:
            rows[row].insert(random.pick(Interesting.all), at: random.below(rows[row].count + 1))
        case 7 where !rows[row].isEmpty:
            rows[row].remove(at: column)
        case 8:
            rows[0] = rows[0].map { name in
                random.oneIn(3) ? random.pick([name.uppercased(), " \(name) ", name + name, "\u{FEFF}" + name, "", "onbekend"]) : name
            }
        default:
            set(String(repeating: random.pick(["9", "a", "é", ";"]), count: random.pick([300, 70_000])))
        }
        return Array(rows.map { $0.joined(separator: String(separator)) }.joined(separator: "\n").utf8)
    }

    /// Changes of a command line: words dropped, doubled, swapped or replaced, options with odd
    /// values, `--name=value` forms and options that need a value given none.
    public static func arguments(_ words: [String], _ random: inout FuzzRandom, vocabulary: [String]) -> [String] {
        var words = words
        for _ in 0..<random.int(1...3) {
            let position = random.below(words.count + 1)
            let index = random.below(words.count)
            switch random.below(12) {
            case 0 where !words.isEmpty: words.remove(at: index)
            case 1 where !words.isEmpty: words.insert(words[index], at: position)
            case 2 where words.count > 1: words.swapAt(index, random.below(words.count))
            case 3: words.insert(random.pick(vocabulary), at: position)
            case 4 where !words.isEmpty: words[index] = random.pick(Interesting.all)
            case 5: words.insert(random.pick(["--", "-", "-h", "--help", "--json", "--json=yes", "--db", "--by", "--by=", "-x", "---",
                                              "--=", "--dry-run", "--replace", "--undo", "--force"]), at: position)
            case 6 where !words.isEmpty && words[index].hasPrefix("--") && position < words.count:
                words[index] += "=" + words[position]
                words.remove(at: position)
            case 7 where !words.isEmpty:
                var word = Array(words[index].utf8)
                word = bytes(word, &random)
                words[index] = String(decoding: word, as: UTF8.self)
            case 8 where !words.isEmpty: words = Array(words.prefix(index))
            case 9: words.insert(random.pick(Interesting.unicode) + random.pick(vocabulary), at: position)
            case 10 where !words.isEmpty: words[index] = words[index].uppercased()
            default: words.insert(random.pick(Interesting.numbers), at: position)
            }
        }
        return words
    }
}
